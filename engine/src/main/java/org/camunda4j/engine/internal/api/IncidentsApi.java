package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;
import static org.camunda4j.engine.internal.api.Outcomes.optionalKey;

import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.IncidentErrorType;
import org.camunda4j.engine.internal.rest.wire.IncidentResult;
import org.camunda4j.engine.internal.rest.wire.IncidentState;
import org.camunda4j.engine.internal.state.Incident;

/** {@code /v2/incidents}: get and resolve. */
final class IncidentsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  IncidentsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("GET", "/v2/incidents/{incidentKey}", this::get)
        .route("POST", "/v2/incidents/{incidentKey}/resolution", this::resolve);
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("incidentKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.incident(key).filter(i -> readable.test(i.tenantId())).map(i -> toWire(i, state.rootOf(i.processInstanceKey())))),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("Incident with key '" + key + "' not found"))));
  }

  private CompletionStage<Reply> resolve(Request request) {
    long key = request.keyParam("incidentKey");
    return noContent(tenants.owned(request, state -> state.incident(key).map(Incident::tenantId),
        "Expected to resolve incident with key '" + key + "', but no such incident was found", () -> engine.resolveIncident(key)));
  }

  static IncidentResult toWire(Incident incident, long rootProcessInstanceKey) {
    return new IncidentResult(
        incident.processDefinitionId(),
        IncidentErrorType.valueOf(incident.errorType()),
        incident.errorMessage(),
        incident.elementId(),
        date(incident.creationTime()),
        IncidentState.valueOf(incident.state()),
        incident.tenantId(),
        key(incident.key()),
        key(incident.processDefinitionKey()),
        key(incident.processInstanceKey()),
        key(rootProcessInstanceKey),
        key(incident.elementInstanceKey()),
        optionalKey(incident.jobKey()));
  }
}
