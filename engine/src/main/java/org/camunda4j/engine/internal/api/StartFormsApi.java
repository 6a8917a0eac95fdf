package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.FormLink;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.FormResult;
import org.camunda4j.engine.internal.state.DeployedForm;
import org.camunda4j.engine.internal.state.EngineState;

/** {@code GET /v2/process-definitions/{key}/form}: the form a process's start event links, or 204. */
final class StartFormsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  StartFormsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("GET", "/v2/process-definitions/{processDefinitionKey}/form", this::form);
  }

  /** What the endpoint found: no such definition, or its start form (empty: none linked or not deployed). */
  private record Found(boolean definitionFound, Optional<DeployedForm> form) {}

  private CompletionStage<Reply> form(Request request) {
    long key = request.keyParam("processDefinitionKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.definition(key).filter(d -> readable.test(d.tenantId())).map(d -> new Found(true, startForm(state, d))).orElse(new Found(false, Optional.empty()))),
        found -> {
          if (!found.definitionFound()) {
            throw ApiException.notFound("Process definition with key '" + key + "' not found");
          }
          return found.form()
              .map(f -> Reply.json(new FormResult(f.tenantId(), f.formId(), f.schema(), f.version(), key(f.key()))))
              .orElseGet(Reply::noContent);
        });
  }

  private static Optional<DeployedForm> startForm(EngineState state, ProcessDefinition definition) {
    for (ExecutableElement element : definition.process().children()) {
      FormLink link = element.startForm();
      if (link != null) {
        return link.fromSameDeployment()
            ? state.forms().inDeployment(link.formId(), definition.tenantId(), definition.deploymentKey())
            : state.forms().latest(link.formId(), definition.tenantId());
      }
    }
    return Optional.empty();
  }
}
