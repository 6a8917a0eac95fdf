package org.camunda4j.engine.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.ElementInstanceState;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceResult;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceState;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.Variable;

/**
 * {@code POST /v2/process-instances/search} with every filter field of 8.9. Most fields are the
 * instance's own; the others look at what belongs to it: {@code variables} (root variables, any
 * string operator on their JSON text), {@code elementId} + {@code elementInstanceState} + {@code
 * hasElementInstanceIncident} (one element instance must meet all of those given), {@code
 * errorMessage} and {@code incidentErrorHashCode} (its active incidents; the hash is Java's {@code
 * String.hashCode} of the message, as Camunda stores it), {@code hasRetriesLeft} (a job that failed
 * with retries left) and {@code batchOperationId}/{@code batchOperationKey} (batch operations that
 * took it as an item).
 */
final class ProcessInstanceSearch {

  private static final Set<String> ELEMENT_FIELD_NAMES = Set.of("elementId", "elementInstanceState", "hasElementInstanceIncident");

  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final AccessGuard access;

  ProcessInstanceSearch(EngineOperations engine, TenantAccess tenants, AccessGuard access) {
    this.access = access;
    this.engine = engine;
    this.tenants = tenants;
  }

  /** One element instance of a process instance, as the element filters see it. */
  record ElementFacts(String elementId, ElementInstanceState state, boolean hasIncident) {}

  /** A process instance with what the filters about its variables, elements, incidents and jobs read. */
  record Row(
      ProcessInstanceResult result,
      Map<String, String> variables,
      List<ElementFacts> elements,
      List<String> incidentMessages,
      boolean retriesLeft,
      List<String> batchOperationKeys) {

    List<Integer> incidentHashes() {
      return incidentMessages.stream().map(m -> m == null ? 0 : m.hashCode()).toList();
    }
  }

  static final SearchFields<Row> FIELDS =
      SearchFields.<Row>builder()
          .key("processInstanceKey", r -> r.result().processInstanceKey())
          .string("processDefinitionId", r -> r.result().processDefinitionId())
          .string("processDefinitionName", r -> r.result().processDefinitionName())
          .integer("processDefinitionVersion", r -> r.result().processDefinitionVersion())
          .string("processDefinitionVersionTag", r -> r.result().processDefinitionVersionTag())
          .key("processDefinitionKey", r -> r.result().processDefinitionKey())
          .key("parentProcessInstanceKey", r -> r.result().parentProcessInstanceKey())
          .key("parentElementInstanceKey", r -> r.result().parentElementInstanceKey())
          .key("rootProcessInstanceKey", r -> r.result().rootProcessInstanceKey())
          .date("startDate", r -> r.result().startDate())
          .date("endDate", r -> r.result().endDate())
          .enumeration("state", ProcessInstanceState.class, r -> r.result().state())
          .bool("hasIncident", r -> r.result().hasIncident())
          .string("tenantId", r -> r.result().tenantId())
          .string("businessId", r -> r.result().businessId())
          .containsAll("tags", r -> r.result().tags())
          .variableValues("variables", Row::variables)
          .strings("errorMessage", Row::incidentMessages)
          .integers("incidentErrorHashCode", Row::incidentHashes)
          .bool("hasRetriesLeft", Row::retriesLeft)
          .strings("batchOperationId", Row::batchOperationKeys)
          .strings("batchOperationKey", Row::batchOperationKeys)
          .build();

  private static final SearchFields<ElementFacts> ELEMENT_FIELDS =
      SearchFields.<ElementFacts>builder()
          .string("elementId", ElementFacts::elementId)
          .enumeration("elementInstanceState", ElementInstanceState.class, ElementFacts::state)
          .bool("hasElementInstanceIncident", ElementFacts::hasIncident)
          .build();

  CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    Predicate<Row> filter = query.filter() == null ? row -> true : filter(query.filter(), true);
    return Outcomes.reply(engine.read(ProcessInstanceSearch::rows), rows -> Reply.json(Search.search(
        access.visible(request, tenants.visible(request, rows, r -> r.result().tenantId()), Permission.READ_PROCESS_INSTANCE,
            r -> r.result().processDefinitionId()),
        filter, query, FIELDS).map(Row::result)));
  }

  /** The instance's own fields, AND one element instance meeting every element field given, AND the $or branches. */
  static Predicate<Row> filter(ObjectNode filter, boolean top) {
    ObjectNode own = filter.deepCopy();
    ObjectNode element = own.objectNode();
    for (String name : ELEMENT_FIELD_NAMES) {
      JsonNode value = own.remove(name);
      if (value != null && !value.isNull()) {
        element.set(name, value);
      }
    }
    JsonNode branches = own.remove("$or");
    Predicate<Row> all = Search.filter(own, FIELDS);
    if (!element.isEmpty()) {
      Predicate<ElementFacts> matches = Search.filter(element, ELEMENT_FIELDS);
      all = all.and(row -> row.elements().stream().anyMatch(matches));
    }
    if (branches != null && !branches.isNull() && !(branches.isArray() && branches.isEmpty())) {
      if (!top || !branches.isArray()) {
        throw ApiException.invalidArgument(
            top ? "The value for filter.$or must be an array of filter objects, was " + branches + "." : "filter.$or cannot be nested inside another $or.");
      }
      Predicate<Row> any = row -> false;
      for (JsonNode branch : branches) {
        if (!branch.isObject()) {
          throw ApiException.invalidArgument("Each entry of filter.$or must be a filter object, was " + branch + ".");
        }
        any = any.or(filter((ObjectNode) branch, false));
      }
      all = all.and(any);
    }
    return all;
  }

  /** Every process instance with its facts, gathered in one pass over each kind of record. */
  static List<Row> rows(EngineState state) {
    Map<Long, Map<String, String>> variables = new HashMap<>();
    for (Variable variable : state.variables()) {
      if (variable.scopeKey() == variable.processInstanceKey()) {
        variables.computeIfAbsent(variable.processInstanceKey(), k -> new HashMap<>()).put(variable.name(), Json.writeString(variable.value()));
      }
    }
    Map<Long, Long> incidentByElement = ElementInstancesApi.activeIncidents(state);
    Map<Long, List<ElementFacts>> elements = new HashMap<>();
    state.elementRecords().forEach(
        r -> elements.computeIfAbsent(r.processInstanceKey(), k -> new ArrayList<>())
            .add(new ElementFacts(r.element().id(), ElementInstancesApi.wireState(r.state()), incidentByElement.containsKey(r.key()))));
    Map<Long, List<String>> incidentMessages = new HashMap<>();
    for (Incident incident : state.incidents()) {
      if (incident.isActive()) {
        incidentMessages.computeIfAbsent(incident.processInstanceKey(), k -> new ArrayList<>()).add(incident.errorMessage());
      }
    }
    Set<Long> retriesLeft = new java.util.HashSet<>();
    for (Job job : state.jobs()) {
      if (job.isLive() && "FAILED".equals(job.lastEvent()) && job.retries() > 0) {
        retriesLeft.add(job.processInstanceKey());
      }
    }
    Map<Long, List<String>> batches = new HashMap<>();
    for (BatchOperation batch : state.batchOperations()) {
      for (BatchOperation.Item item : batch.items()) {
        batches.computeIfAbsent(item.processInstanceKey(), k -> new ArrayList<>()).add(Long.toString(batch.key()));
      }
    }
    return state.processInstances().stream()
        .map(p -> new Row(
            ProcessInstancesApi.toWire(p),
            variables.getOrDefault(p.key(), Map.of()),
            elements.getOrDefault(p.key(), List.of()),
            incidentMessages.getOrDefault(p.key(), List.of()),
            retriesLeft.contains(p.key()),
            batches.getOrDefault(p.key(), List.of())))
        .toList();
  }
}
