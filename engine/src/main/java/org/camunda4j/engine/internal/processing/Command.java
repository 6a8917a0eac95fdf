package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Everything the engine can be asked to do, one record per command. {@link CommandHandler}
 * processes each in one case of an exhaustive switch, so a new command cannot go unhandled.
 *
 * <p>A command is atomic: it commits all of its events or, when it is rejected or fails, none.
 * Commands are not logged, their events are; a command's {@code toString} is what the log shows
 * when it fails. Commands whose answer comes after a later command (a user-task transition waiting
 * for its listeners, a parked activation) carry the future that answer completes.
 */
public sealed interface Command {

  /**
   * A command the engine gives itself (due work, long-poll bookkeeping). It always gets a place in
   * the queue; a command from a client is refused when the queue is full.
   */
  sealed interface Internal extends Command {}

  // --- deployments
  record Deploy(List<DeploymentResource> resources, String tenantId) implements Command {
    @Override
    public String toString() {
      return "Deploy[resources=" + resources.stream().map(DeploymentResource::name).toList() + ", tenantId=" + tenantId + "]";
    }
  }

  // --- decisions
  /** By {@code decisionKey} when given, else the latest version of {@code decisionId}. */
  record EvaluateDecision(String decisionId, Long decisionKey, Map<String, Object> variables, String tenantId) implements Command {}

  // --- process instances
  /** By {@code processDefinitionKey} when given, else by id and version (null: the latest). */
  record CreateInstance(String bpmnProcessId, Integer version, Long processDefinitionKey, NewInstance request, boolean awaitCompletion)
      implements Command {}

  record CancelInstance(long processInstanceKey) implements Command {}

  /** Deletes an ended instance and what is recorded about it. */
  record DeleteInstance(long processInstanceKey) implements Command {}

  /** Activates, moves and terminates elements of a live instance, all or nothing. */
  record ModifyInstance(long processInstanceKey, InstanceModification modification) implements Command {}

  /** Moves a live instance to another process definition (process instance migration), all or nothing. */
  record MigrateInstance(long processInstanceKey, MigrationPlan plan) implements Command {}

  /** Sets variables on a scope; on a user task's scope they wait for its updating listeners, and {@code reply} with them. */
  record SetVariables(long scopeKey, Map<String, Object> variables, boolean local, CompletableFuture<Void> reply) implements Command {}

  // --- jobs
  /** Activates jobs, or parks the request until jobs come or its request timeout passes. */
  record ActivateJobs(ActivationRequest request, BooleanSupplier connected, CompletableFuture<List<ActivatedJob>> reply)
      implements Command {}

  /** Offers newly activatable jobs of a type to the activations parked for it. */
  record ServeParkedActivations(String type) implements Internal {}

  /** A parked activation's request timeout passed: it answers with no jobs. */
  record ExpireParkedActivation(long parkedId) implements Internal {}

  /** The client of a parked activation went away. */
  record ForgetParkedActivation(CompletableFuture<List<ActivatedJob>> reply) implements Internal {}

  /** Jobs whose activation response could not be written go back, retries unchanged. */
  record YieldUndeliveredJobs(List<ActivatedJob> undelivered) implements Internal {}

  /** {@code adHoc}: the {@code adHocSubProcess} result of an ad-hoc sub-process's job, or null. */
  record CompleteJob(long jobKey, Map<String, Object> variables, TaskListenerResult result, AdHocActivation adHoc) implements Command {}

  /** {@code POST /v2/element-instances/ad-hoc-activities/{key}/activation}. */
  record ActivateAdHocElements(long adHocSubProcessInstanceKey, AdHocActivation activation) implements Command {}

  record FailJob(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables) implements Command {}

  record ThrowJobError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) implements Command {}

  record UpdateJob(long jobKey, Integer retries, Long timeout) implements Command {}

  // --- incidents
  record ResolveIncident(long incidentKey) implements Command {}

  // --- batch operations
  /** Creates a batch operation over the items {@code items} picks from the state as the command runs. */
  record CreateBatchOperation(
      BatchOperation.Type type,
      List<BatchOperation.Move> moves,
      long targetProcessDefinitionKey,
      BatchOperation.Actor actor,
      Function<EngineState, List<BatchOperation.ItemRef>> items)
      implements Command {}

  /** Applies a batch's operation to one of its items; answers the batch's {@link BatchProgress}. */
  record ProcessBatchItem(long batchOperationKey, long itemKey) implements Internal {}

  /** The item's command was rejected: the item failed with that message; answers the batch's {@link BatchProgress}. */
  record FailBatchItem(long batchOperationKey, long itemKey, String errorMessage) implements Internal {}

  record CancelBatchOperation(long batchOperationKey) implements Command {}

  record SuspendBatchOperation(long batchOperationKey) implements Command {}

  /** Answers the batch's {@link BatchProgress}. */
  record ResumeBatchOperation(long batchOperationKey) implements Command {}

  // --- time
  /** Processes whatever fell due on the engine clock: job deadlines and backoffs, timers, message TTLs. */
  record ProcessDueWork() implements Internal {}

  // --- messages and signals
  record PublishMessage(
      String name, String correlationKey, long timeToLive, String messageId, Map<String, Object> variables, String tenantId)
      implements Command {}

  record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId) implements Command {}

  record BroadcastSignal(String signalName, Map<String, Object> variables, String tenantId) implements Command {}

  /** Evaluates root-level conditional start events: of one definition, or of the latest version of every process. */
  record EvaluateConditionals(Long processDefinitionKey, Map<String, Object> variables) implements Command {}

  // --- user tasks: each starts a transition; {@code reply} completes when its listeners finish it
  /** {@code allowOverride} false is a claim. */
  record AssignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action, CompletableFuture<Void> reply)
      implements Command {}

  record UnassignUserTask(long userTaskKey, String action, CompletableFuture<Void> reply) implements Command {}

  record UpdateUserTask(long userTaskKey, UserTaskChanges changes, String action, CompletableFuture<Void> reply) implements Command {}

  record CompleteUserTask(long userTaskKey, Map<String, Object> variables, String action, CompletableFuture<Void> reply)
      implements Command {}

  // --- identity
  /** A change to users, tenants, groups, roles, members or authorizations. */
  record ChangeIdentity(IdentityChange change) implements Command {}
}
