package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.VariableResult;
import org.camunda4j.engine.internal.state.Variable;

/** {@code GET /v2/variables/{key}}: the full value as JSON text . */
final class VariablesApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  VariablesApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("GET", "/v2/variables/{variableKey}", this::get);
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("variableKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.variable(key).filter(v -> readable.test(v.tenantId())).map(v -> toWire(v, state.rootOf(v.processInstanceKey())))),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("Variable with key '" + key + "' not found"))));
  }

  static VariableResult toWire(Variable variable, long rootProcessInstanceKey) {
    return new VariableResult(
        variable.name(),
        variable.tenantId(),
        key(variable.key()),
        key(variable.scopeKey()),
        key(variable.processInstanceKey()),
        key(rootProcessInstanceKey),
        Json.writeString(variable.value()));
  }
}
