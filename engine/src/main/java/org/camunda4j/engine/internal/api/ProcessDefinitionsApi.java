package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.ProcessDefinitionResult;

/** {@code /v2/process-definitions}: get, search, and the deployed BPMN XML. */
final class ProcessDefinitionsApi {

  /** A definition with whether it is the latest version of its id, for the isLatestVersion filter. */
  private record DefinitionRow(ProcessDefinitionResult result, boolean latest) {}

  private static final SearchFields<DefinitionRow> FIELDS =
      SearchFields.<DefinitionRow>builder()
          .key("processDefinitionKey", r -> r.result().processDefinitionKey())
          .string("name", r -> r.result().name())
          .string("resourceName", r -> r.result().resourceName())
          .integer("version", r -> r.result().version())
          .string("versionTag", r -> r.result().versionTag())
          .string("processDefinitionId", r -> r.result().processDefinitionId())
          .string("tenantId", r -> r.result().tenantId())
          .bool("isLatestVersion", DefinitionRow::latest)
          .bool("hasStartForm", r -> r.result().hasStartForm())
          .build();

  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final AccessGuard access;

  ProcessDefinitionsApi(EngineOperations engine, TenantAccess tenants, AccessGuard access) {
    this.engine = engine;
    this.tenants = tenants;
    this.access = access;
  }

  void register(Router router) {
    router
        .route("GET", "/v2/process-definitions/{processDefinitionKey}", this::get)
        .route("GET", "/v2/process-definitions/{processDefinitionKey}/xml", this::xml)
        .route("POST", "/v2/process-definitions/search", this::search);
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("processDefinitionKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.definition(key).filter(d -> readable.test(d.tenantId()))),
        found -> Reply.json(toWire(found.orElseThrow(() -> notFound(key)))));
  }

  /** The resource the definition was deployed from, byte for byte, as Camunda returns it. */
  private CompletionStage<Reply> xml(Request request) {
    long key = request.keyParam("processDefinitionKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.definition(key).filter(d -> readable.test(d.tenantId()))),
        found -> Reply.bytes(200, "text/xml", found.orElseThrow(() -> notFound(key)).resource(), Map.of()));
  }

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(
            state ->
                state.definitions().stream()
                    .map(d -> new DefinitionRow(toWire(d), state.latestDefinition(d.bpmnProcessId(), d.tenantId()).map(l -> l.key() == d.key()).orElse(false)))
                    .toList()),
        rows -> Reply.json(Search.search(
            access.visible(request, tenants.visible(request, rows, r -> r.result().tenantId()), Permission.READ_PROCESS_DEFINITION,
                r -> r.result().processDefinitionId()),
            query, FIELDS, FIELDS).map(DefinitionRow::result)));
  }

  private static ApiException notFound(long key) {
    return ApiException.notFound("Process definition with key '" + key + "' not found");
  }

  static ProcessDefinitionResult toWire(ProcessDefinition definition) {
    return new ProcessDefinitionResult(
        definition.name(),
        definition.resourceName(),
        definition.version(),
        definition.versionTag(),
        definition.bpmnProcessId(),
        definition.tenantId(),
        key(definition.key()),
        false); // the engine links no start forms
  }
}
