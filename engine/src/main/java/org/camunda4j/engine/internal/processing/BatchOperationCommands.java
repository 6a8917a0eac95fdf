package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationCanceled;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationCreated;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationFinished;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationItemProcessed;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationResumed;
import org.camunda4j.engine.internal.record.EngineEvent.BatchOperationSuspended;
import org.camunda4j.engine.internal.record.EngineEvent.JobRetriesUpdated;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.BatchOperation.ItemState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;

/**
 * Batch operations: created with their items in one command, then one command per item (so other
 * work interleaves, and an item that is rejected leaves nothing behind); an item whose command was
 * rejected is recorded as FAILED by a command of its own, and the batch goes on. Canceling,
 * suspending and resuming happen between items. {@link BatchOperationRunner} submits the item
 * commands.
 */
final class BatchOperationCommands {

  private final EngineState state;
  private final ProcessInstanceCommands instances;
  private final IncidentCommands incidents;
  private final ModificationCommands modifications;
  private final MigrationCommands migrations;

  BatchOperationCommands(
      EngineState state, ProcessInstanceCommands instances, IncidentCommands incidents, ModificationCommands modifications,
      MigrationCommands migrations) {
    this.state = state;
    this.migrations = migrations;
    this.instances = instances;
    this.incidents = incidents;
    this.modifications = modifications;
  }

  /** {@code pick} chooses the items from the state as it is when the command runs. */
  BatchProgress create(
      ProcessingContext ctx,
      BatchOperation.Type type,
      List<BatchOperation.Move> moves,
      long targetProcessDefinitionKey,
      BatchOperation.Actor actor,
      Function<EngineState, List<BatchOperation.ItemRef>> pick) {
    List<BatchOperation.ItemRef> items = List.copyOf(pick.apply(state));
    long key = state.nextKey();
    ctx.emit(new BatchOperationCreated(key, type, items, List.copyOf(moves), actor, ctx.now(), targetProcessDefinitionKey));
    return new BatchProgress(key, items.isEmpty() ? BatchProgress.NONE : items.getFirst().itemKey());
  }

  /** Applies the batch's operation to the item, unless the batch is held or the item already processed. */
  BatchProgress processItem(ProcessingContext ctx, long batchKey, long itemKey) {
    BatchOperation batch = state.batchOperation(batchKey).orElse(null);
    if (batch == null || batch.state() != BatchOperation.State.ACTIVE) {
      return new BatchProgress(batchKey, BatchProgress.NONE);
    }
    Optional<BatchOperation.Item> item = pending(batch, itemKey);
    if (item.isPresent()) {
      apply(ctx, batch, item.get());
      ctx.emit(new BatchOperationItemProcessed(batchKey, itemKey, null, ctx.now()));
    }
    return next(ctx, batch);
  }

  /** The item's command was rejected (or failed): the item FAILED with that message. */
  BatchProgress failItem(ProcessingContext ctx, long batchKey, long itemKey, String errorMessage) {
    BatchOperation batch = state.batchOperation(batchKey).orElse(null);
    if (batch == null || batch.state().isFinal()) {
      return new BatchProgress(batchKey, BatchProgress.NONE);
    }
    if (pending(batch, itemKey).isPresent()) {
      ctx.emit(new BatchOperationItemProcessed(batchKey, itemKey, errorMessage == null ? "failed" : errorMessage, ctx.now()));
    }
    return batch.state() == BatchOperation.State.ACTIVE ? next(ctx, batch) : new BatchProgress(batchKey, BatchProgress.NONE);
  }

  private static Optional<BatchOperation.Item> pending(BatchOperation batch, long itemKey) {
    return batch.item(itemKey).filter(i -> i.state() == ItemState.ACTIVE);
  }

  /** The next pending item, or the batch's end: COMPLETED, PARTIALLY_COMPLETED, or FAILED when every item failed. */
  private BatchProgress next(ProcessingContext ctx, BatchOperation batch) {
    Optional<BatchOperation.Item> next = batch.nextPending();
    if (next.isPresent()) {
      return new BatchProgress(batch.key(), next.get().itemKey());
    }
    long failed = batch.count(ItemState.FAILED);
    BatchOperation.State end =
        failed == 0
            ? BatchOperation.State.COMPLETED
            : failed == batch.items().size() ? BatchOperation.State.FAILED : BatchOperation.State.PARTIALLY_COMPLETED;
    ctx.emit(new BatchOperationFinished(batch.key(), end, ctx.now()));
    return new BatchProgress(batch.key(), BatchProgress.NONE);
  }

  /**
   * One item's operation. An incident of a job without retries gets one retry first, as 8.9's
   * batch resolution does, since resolving it alone would be rejected.
   */
  private void apply(ProcessingContext ctx, BatchOperation batch, BatchOperation.Item item) {
    switch (batch.type()) {
      case CANCEL_PROCESS_INSTANCE -> instances.cancel(ctx, item.itemKey());
      case RESOLVE_INCIDENT -> {
        Incident incident =
            state
                .incident(item.itemKey())
                .filter(Incident::isActive)
                .orElseThrow(
                    () -> Rejection.notFound("Expected to resolve incident with key '" + item.itemKey() + "', but no such incident was found"));
        state.job(incident.jobKey())
            .filter(job -> job.retries() <= 0)
            .ifPresent(job -> ctx.emit(new JobRetriesUpdated(job.key(), 1, ctx.now())));
        incidents.resolve(ctx, incident.key());
      }
      case DELETE_PROCESS_INSTANCE -> instances.delete(ctx, item.itemKey());
      case MODIFY_PROCESS_INSTANCE ->
          modifications.modify(
              ctx,
              item.itemKey(),
              new InstanceModification(
                  List.of(),
                  batch.moves().stream()
                      .map(m -> new InstanceModification.Move(
                          -1, m.sourceElementId(), m.targetElementId(), InstanceModification.Ancestor.INFERRED, -1, List.of()))
                      .toList(),
                  List.of()));
      case MIGRATE_PROCESS_INSTANCE ->
          migrations.migrate(
              ctx,
              item.itemKey(),
              new MigrationPlan(
                  batch.targetProcessDefinitionKey(),
                  batch.moves().stream().map(m -> new MigrationPlan.Mapping(m.sourceElementId(), m.targetElementId())).toList()));
    }
  }

  void cancel(ProcessingContext ctx, long key) {
    BatchOperation batch = existing(key, "cancel");
    if (batch.state().isFinal()) {
      throw Rejection.invalidState("Expected to cancel batch operation with key '" + key + "', but it has already ended (" + batch.state() + ")");
    }
    ctx.emit(new BatchOperationCanceled(key, ctx.now()));
  }

  void suspend(ProcessingContext ctx, long key) {
    BatchOperation batch = existing(key, "suspend");
    if (batch.state() != BatchOperation.State.ACTIVE) {
      throw Rejection.invalidState("Expected to suspend batch operation with key '" + key + "', but it is " + batch.state() + ", not ACTIVE");
    }
    ctx.emit(new BatchOperationSuspended(key));
  }

  BatchProgress resume(ProcessingContext ctx, long key) {
    BatchOperation batch = existing(key, "resume");
    if (batch.state() != BatchOperation.State.SUSPENDED) {
      throw Rejection.invalidState("Expected to resume batch operation with key '" + key + "', but it is " + batch.state() + ", not SUSPENDED");
    }
    ctx.emit(new BatchOperationResumed(key));
    return next(ctx, batch);
  }

  private BatchOperation existing(long key, String verb) {
    return state
        .batchOperation(key)
        .orElseThrow(() -> Rejection.notFound("Expected to " + verb + " batch operation with key '" + key + "', but no such batch operation was found"));
  }
}
