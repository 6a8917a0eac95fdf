package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.optionalKey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.processing.AdHocActivation;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.AdHocActivationRequest;
import org.camunda4j.engine.internal.rest.wire.ElementInstanceResult;
import org.camunda4j.engine.internal.rest.wire.ElementInstanceState;
import org.camunda4j.engine.internal.rest.wire.ElementInstanceType;
import org.camunda4j.engine.internal.state.ElementRecord;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;

/**
 * {@code /v2/element-instances}: get one and search. Every element an instance passed or waits in,
 * live or ended; the process instance itself is not an element instance here, as in Camunda.
 */
final class ElementInstancesApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  ElementInstancesApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/element-instances/search", this::search)
        .route("GET", "/v2/element-instances/{elementInstanceKey}", this::get)
        .route("POST", "/v2/element-instances/ad-hoc-activities/{adHocSubProcessInstanceKey}/activation", this::activateAdHoc);
  }

  /** An element instance with its scope, which the filter {@code elementInstanceScopeKey} reads. */
  record Row(ElementInstanceResult result, long flowScopeKey) {}

  static final SearchFields<Row> FIELDS =
      SearchFields.<Row>builder()
          .key("elementInstanceKey", r -> r.result().elementInstanceKey())
          .key("processInstanceKey", r -> r.result().processInstanceKey())
          .key("processDefinitionKey", r -> r.result().processDefinitionKey())
          .string("processDefinitionId", r -> r.result().processDefinitionId())
          .date("startDate", r -> r.result().startDate())
          .date("endDate", r -> r.result().endDate())
          .string("elementId", r -> r.result().elementId())
          .string("elementName", r -> r.result().elementName())
          .enumeration("type", ElementInstanceType.class, r -> r.result().type())
          .enumeration("state", ElementInstanceState.class, r -> r.result().state())
          .bool("hasIncident", r -> r.result().hasIncident())
          .key("incidentKey", r -> r.result().incidentKey())
          .string("tenantId", r -> r.result().tenantId())
          .key("elementInstanceScopeKey", Row::flowScopeKey)
          .build();

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(engine.read(ElementInstancesApi::rows), rows -> Reply.json(Search.search(tenants.visible(request, rows, r -> r.result().tenantId()), query, FIELDS, FIELDS).map(Row::result)));
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("elementInstanceKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.elementRecord(key).map(r -> toWire(r, state, activeIncidents(state))).filter(r -> readable.test(r.tenantId()))),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("Element instance with key '" + key + "' not found"))));
  }

  static List<Row> rows(EngineState state) {
    Map<Long, Long> incidents = activeIncidents(state);
    return state.elementRecords().stream().map(r -> new Row(toWire(r, state, incidents), r.flowScopeKey())).toList();
  }

  /** The active incident of each element instance that has one, in one pass over the incidents. */
  static Map<Long, Long> activeIncidents(EngineState state) {
    Map<Long, Long> byElementInstance = new HashMap<>();
    for (Incident incident : state.incidents()) {
      if (incident.isActive()) {
        byElementInstance.putIfAbsent(incident.elementInstanceKey(), incident.key());
      }
    }
    return byElementInstance;
  }

  /** Activating, activated, completing and terminating are all ACTIVE on the wire. */
  static ElementInstanceState wireState(ElementState state) {
    return switch (state) {
      case COMPLETED -> ElementInstanceState.COMPLETED;
      case TERMINATED -> ElementInstanceState.TERMINATED;
      default -> ElementInstanceState.ACTIVE;
    };
  }

  static ElementInstanceResult toWire(ElementRecord record, EngineState state, Map<Long, Long> activeIncidents) {
    Long incidentKey = activeIncidents.get(record.key());
    String name = record.element().name();
    return new ElementInstanceResult(
        record.process().bpmnProcessId(),
        date(record.startDate()),
        date(record.endDate()),
        record.element().id(),
        name == null || name.isBlank() ? record.element().id() : name,
        record.isMultiInstanceBody()
            ? ElementInstanceType.MULTI_INSTANCE_BODY
            : record.isAdHocInnerInstance()
                ? ElementInstanceType.AD_HOC_SUB_PROCESS_INNER_INSTANCE
                : ElementInstanceType.of(record.element().type().name()),
        wireState(record.state()),
        incidentKey != null,
        record.process().tenantId(),
        key(record.key()),
        key(record.processInstanceKey()),
        key(state.rootOf(record.processInstanceKey())),
        key(record.process().key()),
        incidentKey == null ? null : optionalKey(incidentKey));
  }

  private CompletionStage<Reply> activateAdHoc(Request request) {
    long key = request.keyParam("adHocSubProcessInstanceKey");
    AdHocActivationRequest body = request.body(AdHocActivationRequest.class);
    List<AdHocActivation.Element> elements =
        body.elements().stream()
            .map(e -> new AdHocActivation.Element(e.elementId(), e.variables() == null ? Map.<String, Object>of() : e.variables()))
            .toList();
    return Outcomes.noContent(
        engine.activateAdHocElements(key, new AdHocActivation(elements, false, Boolean.TRUE.equals(body.cancelRemainingInstances()))));
  }
}
