package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.MigrationPlan;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.search.Search;
import org.camunda4j.engine.internal.rest.search.SearchFields;
import org.camunda4j.engine.internal.rest.search.SearchQuery;
import org.camunda4j.engine.internal.rest.wire.BatchOperationCreatedResult;
import org.camunda4j.engine.internal.rest.wire.BatchOperationItemResult;
import org.camunda4j.engine.internal.rest.wire.BatchOperationItemState;
import org.camunda4j.engine.internal.rest.wire.BatchOperationResult;
import org.camunda4j.engine.internal.rest.wire.BatchOperationState;
import org.camunda4j.engine.internal.rest.wire.BatchOperationType;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceBatchRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceMigrationBatchRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceModificationBatchRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceResult;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceState;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;

/**
 * Batch operations (8.9): the process-instance batch calls, which answer with the new batch's key
 * and do the work afterwards, and {@code /v2/batch-operations} and {@code
 * /v2/batch-operation-items} to follow, cancel, suspend and resume them. A batch call's {@code
 * filter} is the process-instance search filter.
 */
final class BatchOperationsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  BatchOperationsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/process-instances/cancellation", this::cancelInstances)
        .route("POST", "/v2/process-instances/incident-resolution", this::resolveIncidents)
        .route("POST", "/v2/process-instances/migration", this::migrateInstances)
        .route("POST", "/v2/process-instances/modification", this::modifyInstances)
        .route("POST", "/v2/process-instances/deletion", this::deleteInstances)
        .route("POST", "/v2/process-instances/{processInstanceKey}/deletion",
            request -> {
              long key = request.keyParam("processInstanceKey");
              return noContent(tenants.owned(request, state -> state.processInstance(key).map(p -> p.definition().tenantId()),
                  "Expected to delete process instance with key '" + key + "', but no such process instance was found",
                  () -> engine.delete(key)));
            })
        .route("POST", "/v2/decision-instances/deletion", request -> {
          throw ApiException.invalidArgument(
              "The batch deletion of decision instances (DELETE_DECISION_INSTANCE) is not supported by the camunda4j engine");
        })
        .route("POST", "/v2/batch-operations/search", this::search)
        .route("GET", "/v2/batch-operations/{batchOperationKey}", this::get)
        .route("POST", "/v2/batch-operations/{batchOperationKey}/cancellation",
            request -> noContent(engine.cancelBatchOperation(request.keyParam("batchOperationKey"))))
        .route("POST", "/v2/batch-operations/{batchOperationKey}/suspension",
            request -> noContent(engine.suspendBatchOperation(request.keyParam("batchOperationKey"))))
        .route("POST", "/v2/batch-operations/{batchOperationKey}/resumption",
            request -> noContent(engine.resumeBatchOperation(request.keyParam("batchOperationKey"))))
        .route("POST", "/v2/batch-operation-items/search", this::searchItems);
  }

  // --- creating

  /** The ACTIVE process instances the filter picks, each one an item. */
  private CompletionStage<Reply> cancelInstances(Request request) {
    Predicate<ProcessInstanceSearch.Row> picked = batchFilter(request);
    return created(request, BatchOperation.Type.CANCEL_PROCESS_INSTANCE, List.of(), state -> activeInstances(state, picked));
  }

  private static List<BatchOperation.ItemRef> activeInstances(EngineState state, Predicate<ProcessInstanceSearch.Row> picked) {
    return ProcessInstanceSearch.rows(state).stream()
        .filter(row -> row.result().state() == ProcessInstanceState.ACTIVE)
        .filter(picked)
        .map(row -> Long.parseLong(row.result().processInstanceKey()))
        .map(instance -> new BatchOperation.ItemRef(instance, instance))
        .toList();
  }

  /** The ACTIVE process instances the filter picks, each one an item whose tokens move as instructed. */
  private CompletionStage<Reply> modifyInstances(Request request) {
    ProcessInstanceModificationBatchRequest body = request.body(ProcessInstanceModificationBatchRequest.class);
    Predicate<ProcessInstanceSearch.Row> picked = ownTenants(request, ProcessInstanceSearch.filter((ObjectNode) body.filter(), true));
    return created(
        request,
        BatchOperation.Type.MODIFY_PROCESS_INSTANCE,
        body.moveInstructions().stream().map(m -> new BatchOperation.Move(m.sourceElementId(), m.targetElementId())).toList(),
        state -> activeInstances(state, picked));
  }

  /** The ACTIVE process instances the filter picks, each one an item migrated with the plan. */
  private CompletionStage<Reply> migrateInstances(Request request) {
    ProcessInstanceMigrationBatchRequest body = request.body(ProcessInstanceMigrationBatchRequest.class);
    Predicate<ProcessInstanceSearch.Row> picked = ownTenants(request, ProcessInstanceSearch.filter((ObjectNode) body.filter(), true));
    MigrationPlan plan = Migrations.of(body.migrationPlan());
    BatchOperation.Actor actor = new BatchOperation.Actor(request.actor().type(), request.actor().id());
    return Outcomes.reply(
        engine.createBatchOperation(
            BatchOperation.Type.MIGRATE_PROCESS_INSTANCE,
            plan.mappings().stream().map(m -> new BatchOperation.Move(m.sourceElementId(), m.targetElementId())).toList(),
            plan.targetProcessDefinitionKey(),
            actor,
            state -> activeInstances(state, picked)),
        key -> Reply.json(new BatchOperationCreatedResult(key(key), BatchOperationType.MIGRATE_PROCESS_INSTANCE)));
  }

  /**
   * The COMPLETED and TERMINATED process instances the filter picks, each one an item; an instance
   * whose parent is picked too goes with its parent rather than as an item of its own.
   */
  private CompletionStage<Reply> deleteInstances(Request request) {
    Predicate<ProcessInstanceSearch.Row> picked = batchFilter(request);
    return created(
        request,
        BatchOperation.Type.DELETE_PROCESS_INSTANCE,
        List.of(),
        state -> {
          List<ProcessInstanceResult> ended = ProcessInstanceSearch.rows(state).stream()
              .filter(row -> row.result().state() != ProcessInstanceState.ACTIVE)
              .filter(picked)
              .map(ProcessInstanceSearch.Row::result)
              .toList();
          Set<String> keys = new HashSet<>(ended.stream().map(ProcessInstanceResult::processInstanceKey).toList());
          return ended.stream()
              .filter(p -> p.parentProcessInstanceKey() == null || !keys.contains(p.parentProcessInstanceKey()))
              .map(p -> Long.parseLong(p.processInstanceKey()))
              .map(instance -> new BatchOperation.ItemRef(instance, instance))
              .toList();
        });
  }

  /** The active incidents of the process instances the filter picks, each incident an item. */
  private CompletionStage<Reply> resolveIncidents(Request request) {
    Predicate<ProcessInstanceSearch.Row> picked = batchFilter(request);
    return created(
        request,
        BatchOperation.Type.RESOLVE_INCIDENT,
        List.of(),
        state -> {
          Set<Long> instances = new HashSet<>();
          ProcessInstanceSearch.rows(state).stream().filter(picked).forEach(row -> instances.add(Long.parseLong(row.result().processInstanceKey())));
          List<BatchOperation.ItemRef> items = new ArrayList<>();
          for (Incident incident : state.incidents()) {
            if (incident.isActive() && instances.contains(incident.processInstanceKey())) {
              items.add(new BatchOperation.ItemRef(incident.key(), incident.processInstanceKey()));
            }
          }
          return items;
        });
  }

  /** The request's filter, checked now so that a bad one is a 400 before any batch exists. */
  /** The filter, confined to the caller's tenants: a batch never takes another tenant's instances. */
  private Predicate<ProcessInstanceSearch.Row> batchFilter(Request request) {
    ProcessInstanceBatchRequest body = request.body(ProcessInstanceBatchRequest.class);
    return ownTenants(request, ProcessInstanceSearch.filter((ObjectNode) body.filter(), true));
  }

  private Predicate<ProcessInstanceSearch.Row> ownTenants(Request request, Predicate<ProcessInstanceSearch.Row> filter) {
    Predicate<String> readable = tenants.readable(request);
    return filter.and(row -> readable.test(row.result().tenantId()));
  }

  /** The batch records who created it: the request's actor, as the authentication found it. */
  private CompletionStage<Reply> created(
      Request request, BatchOperation.Type type, List<BatchOperation.Move> moves, Function<EngineState, List<BatchOperation.ItemRef>> items) {
    BatchOperation.Actor actor = new BatchOperation.Actor(request.actor().type(), request.actor().id());
    return Outcomes.reply(
        engine.createBatchOperation(type, moves, actor, items),
        key -> Reply.json(new BatchOperationCreatedResult(key(key), BatchOperationType.valueOf(type.name()))));
  }

  // --- reading

  static final SearchFields<BatchOperationResult> FIELDS =
      SearchFields.<BatchOperationResult>builder()
          .key("batchOperationKey", BatchOperationResult::batchOperationKey)
          .enumeration("operationType", BatchOperationType.class, BatchOperationResult::batchOperationType)
          .enumeration("state", BatchOperationState.class, BatchOperationResult::state)
          .string("actorType", BatchOperationResult::actorType)
          .string("actorId", BatchOperationResult::actorId)
          .build();

  private static final SearchFields<BatchOperationResult> SORT_FIELDS =
      SearchFields.<BatchOperationResult>builder()
          .key("batchOperationKey", BatchOperationResult::batchOperationKey)
          .enumeration("operationType", BatchOperationType.class, BatchOperationResult::batchOperationType)
          .enumeration("state", BatchOperationState.class, BatchOperationResult::state)
          .date("startDate", BatchOperationResult::startDate)
          .date("endDate", BatchOperationResult::endDate)
          .string("actorType", BatchOperationResult::actorType)
          .string("actorId", BatchOperationResult::actorId)
          .build();

  static final SearchFields<BatchOperationItemResult> ITEM_FIELDS =
      SearchFields.<BatchOperationItemResult>builder()
          .key("batchOperationKey", BatchOperationItemResult::batchOperationKey)
          .key("itemKey", BatchOperationItemResult::itemKey)
          .key("processInstanceKey", BatchOperationItemResult::processInstanceKey)
          .enumeration("state", BatchOperationItemState.class, BatchOperationItemResult::state)
          .enumeration("operationType", BatchOperationType.class, BatchOperationItemResult::operationType)
          .build();

  private static final SearchFields<BatchOperationItemResult> ITEM_SORT_FIELDS =
      SearchFields.<BatchOperationItemResult>builder()
          .key("batchOperationKey", BatchOperationItemResult::batchOperationKey)
          .key("itemKey", BatchOperationItemResult::itemKey)
          .key("processInstanceKey", BatchOperationItemResult::processInstanceKey)
          .date("processedDate", BatchOperationItemResult::processedDate)
          .enumeration("state", BatchOperationItemState.class, BatchOperationItemResult::state)
          .build();

  private CompletionStage<Reply> search(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> state.batchOperations().stream().map(BatchOperationsApi::toWire).toList()),
        rows -> Reply.json(Search.search(rows, query, FIELDS, SORT_FIELDS)));
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("batchOperationKey");
    return Outcomes.reply(
        engine.read(state -> state.batchOperation(key).map(BatchOperationsApi::toWire)),
        found -> Reply.json(found.orElseThrow(() -> ApiException.notFound("Batch operation with key '" + key + "' not found"))));
  }

  private CompletionStage<Reply> searchItems(Request request) {
    SearchQuery query = request.body(SearchQuery.class);
    return Outcomes.reply(
        engine.read(state -> {
          List<BatchOperationItemResult> items = new ArrayList<>();
          for (BatchOperation batch : state.batchOperations()) {
            for (BatchOperation.Item item : batch.items()) {
              items.add(toWire(batch, item, state.rootOf(item.processInstanceKey())));
            }
          }
          return items;
        }),
        rows -> Reply.json(Search.search(rows, query, ITEM_FIELDS, ITEM_SORT_FIELDS)));
  }

  private static BatchOperationItemResult toWire(BatchOperation batch, BatchOperation.Item item, long rootProcessInstanceKey) {
    return new BatchOperationItemResult(
        BatchOperationType.valueOf(batch.type().name()),
        key(batch.key()),
        key(item.itemKey()),
        key(item.processInstanceKey()),
        key(rootProcessInstanceKey),
        BatchOperationItemState.valueOf(item.state().name()),
        date(item.processedDate()),
        item.errorMessage());
  }

  static BatchOperationResult toWire(BatchOperation batch) {
    return new BatchOperationResult(
        key(batch.key()),
        BatchOperationState.valueOf(batch.state().name()),
        BatchOperationType.valueOf(batch.type().name()),
        date(batch.startDate()),
        date(batch.endDate()),
        batch.actor() == null ? null : batch.actor().type(),
        batch.actor() == null ? null : batch.actor().id(),
        batch.items().size(),
        (int) batch.count(BatchOperation.ItemState.FAILED),
        (int) batch.count(BatchOperation.ItemState.COMPLETED),
        List.of());
  }
}
