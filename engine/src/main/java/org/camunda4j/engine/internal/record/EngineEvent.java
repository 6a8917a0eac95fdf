package org.camunda4j.engine.internal.record;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.CompensationSubscription;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * Everything that happens in the engine, as facts. Processing decides and emits events; the
 * {@code EventApplier} is the only code that changes state, one case per event. Each event carries
 * every value it needs (keys, timestamps), so replaying the events rebuilds the same state — the
 * contract the coming event log relies on.
 */
public sealed interface EngineEvent {

  // --- keys
  /** A committed command used the keys up to {@code lastKey}; the next command continues after it. */
  record KeysIssued(long lastKey) implements EngineEvent {}

  // --- deployments
  record ProcessDeployed(ProcessDefinition definition) implements EngineEvent {}

  // --- process and element instances
  /** A new process instance; a call activity's child names its parent element instance (else -1). */
  record ProcessInstanceCreated(
      long processInstanceKey,
      long processDefinitionKey,
      List<String> tags,
      String businessId,
      long parentProcessInstanceKey,
      long parentElementInstanceKey,
      long rootProcessInstanceKey,
      long time)
      implements EngineEvent {}

  /** A process instance starts at these elements instead of its none start event (start instructions). */
  record StartInstructionsGiven(long processInstanceKey, List<String> elementIds) implements EngineEvent {}

  /**
   * An ended process instance was deleted: it and everything recorded about it (element instances,
   * variables, jobs, incidents, user tasks, message subscriptions, decision instances) are gone.
   */
  record ProcessInstanceDeleted(long processInstanceKey) implements EngineEvent {}

  /**
   * A live process instance moved to another process definition (process instance migration). Each
   * live element instance in {@code elements} (by key) takes the named element of the target, with
   * its job, its user task and its active incidents; the process instance takes the target's process
   * element. The subscriptions, timers and compensation subscriptions listed are the moved versions of
   * those that stay (replacing them by key); those in {@code closedWaits} end. Waits the target adds
   * are opened by their own events after this one. Tokens waiting at a joining gateway of a scope (by
   * key) move from each source flow to the target flow {@code joinFlows} names.
   */
  record ProcessInstanceMigrated(
      long processInstanceKey,
      long targetProcessDefinitionKey,
      Map<Long, String> elements,
      List<org.camunda4j.engine.internal.state.MessageSubscription> messageSubscriptions,
      List<org.camunda4j.engine.internal.state.SignalSubscription> signalSubscriptions,
      List<org.camunda4j.engine.internal.state.Timer> timers,
      List<CompensationSubscription> compensationSubscriptions,
      List<Long> closedWaits,
      long time,
      Map<Long, Map<String, String>> joinFlows)
      implements EngineEvent {}

  /** A process instance started at a message, timer or signal start event, with its payload. */
  record StartEventTriggered(long processInstanceKey, String startElementId, Map<String, Object> payload) implements EngineEvent {}

  /**
   * A new element instance; {@code consumedFlows} tokens of the flow scope are used up by it. The
   * {@code time} is the instance's start date in the element-instance search.
   */
  record ElementActivating(
      long key,
      long processDefinitionKey,
      String elementId,
      long flowScopeKey,
      long processInstanceKey,
      int consumedFlows,
      boolean multiInstanceBody,
      long time)
      implements EngineEvent {

    public ElementActivating(
        long key, long processDefinitionKey, String elementId, long flowScopeKey, long processInstanceKey, int consumedFlows, long time) {
      this(key, processDefinitionKey, elementId, flowScopeKey, processInstanceKey, consumedFlows, false, time);
    }
  }

  record ElementActivated(long key) implements EngineEvent {}

  record ElementCompleting(long key) implements EngineEvent {}

  /** An ad-hoc sub-process's worker declared its completion condition fulfilled: it completes once nothing runs in it. */
  record AdHocCompletionFulfilled(long key) implements EngineEvent {}

  record ElementCompleted(long key, long time) implements EngineEvent {}

  record ElementTerminating(long key) implements EngineEvent {}

  record ElementTerminated(long key, long time) implements EngineEvent {}

  /** A token leaves an element along a flow; {@code toJoin} when it must wait at a joining gateway. */
  record SequenceFlowTaken(long flowScopeKey, String flowId, boolean toJoin) implements EngineEvent {}

  /** A terminate end event dropped the tokens waiting at joining gateways of its scope. */
  record JoinTokensDiscarded(long flowScopeKey) implements EngineEvent {}

  // --- compensation
  /** An activity completed that a compensation throw event may undo later (or a scope holding such activities). */
  record CompensationSubscribed(CompensationSubscription subscription) implements EngineEvent {}

  /** A compensation throw event invoked a subscription's handler ({@code handlerInstanceKey}, activated with it). */
  record CompensationTriggered(long key, long processInstanceKey, long throwEventInstanceKey, long handlerInstanceKey) implements EngineEvent {}

  /** A subscription is done: its handler completed, or the scope subscription was passed through to what it holds. */
  record CompensationSubscriptionClosed(long key, long processInstanceKey) implements EngineEvent {}

  /** One execution listener of an element instance finished; the next one (or the element) goes on. */
  record ExecutionListenerCompleted(long elementInstanceKey, boolean start) implements EngineEvent {}

  // --- variables
  record VariableCreated(long key, long scopeKey, long processInstanceKey, String name, Object value, String tenantId)
      implements EngineEvent {}

  record VariableUpdated(long key, long scopeKey, String name, Object value) implements EngineEvent {}

  // --- jobs
  record JobCreated(
      long key,
      String type,
      int retries,
      Map<String, String> customHeaders,
      long elementInstanceKey,
      String elementId,
      long processInstanceKey,
      long processDefinitionKey,
      String processDefinitionId,
      int processDefinitionVersion,
      String tenantId,
      JobKind kind,
      String listenerEventType,
      long time)
      implements EngineEvent {}

  record JobsActivated(List<Long> keys, String worker, long deadline, long time) implements EngineEvent {}

  record JobCompleted(long key, long time) implements EngineEvent {}

  /** A task-listener job completed with a denial of its user task's transition (emitted with its JobCompleted). */
  record TaskListenerJobDenied(long key, String deniedReason) implements EngineEvent {}

  /** {@code recurAt} is when a job with retries left becomes activatable again (-1: at once). */
  record JobFailed(long key, int retries, String errorMessage, long recurAt, long time) implements EngineEvent {}

  record JobRecurred(long key, long time) implements EngineEvent {}

  record JobTimedOut(long key, long time) implements EngineEvent {}

  /** An activated job handed back because its activation response could not be delivered. */
  record JobYielded(long key, long time) implements EngineEvent {}

  record JobRetriesUpdated(long key, int retries, long time) implements EngineEvent {}

  record JobTimeoutUpdated(long key, long deadline, long time) implements EngineEvent {}

  /** A BPMN error thrown by a job; {@code caught} ends the job, otherwise it waits for its incident. */
  record JobErrorThrown(long key, String errorCode, String errorMessage, boolean caught, long time) implements EngineEvent {}

  record JobCanceled(long key, long time) implements EngineEvent {}

  /** A failed or errored job made activatable again by resolving its incident. */
  record JobReactivated(long key, long time) implements EngineEvent {}

  // --- messages, signals, timers
  record MessageSubscriptionOpened(org.camunda4j.engine.internal.state.MessageSubscription subscription, long time) implements EngineEvent {}

  record SignalSubscriptionOpened(org.camunda4j.engine.internal.state.SignalSubscription subscription) implements EngineEvent {}

  record TimerCreated(org.camunda4j.engine.internal.state.Timer timer) implements EngineEvent {}

  /** A timer that fired or was cancelled. */
  record TimerRemoved(long key) implements EngineEvent {}

  /** Every message, signal and timer wait owned by an element instance ends (it was interrupted). */
  record CatchSubscriptionsClosed(long ownerKey, long time) implements EngineEvent {}

  record MessageBuffered(org.camunda4j.engine.internal.state.BufferedMessage message) implements EngineEvent {}

  /** A buffered message reached an instance of this process; it will not reach another one of it. */
  record MessageCorrelated(long messageKey, String bpmnProcessId) implements EngineEvent {}

  record MessageExpired(long key) implements EngineEvent {}

  /** A message reached a subscription (or started an instance at a message start event). */
  record MessageSubscriptionCorrelated(org.camunda4j.engine.internal.state.CorrelatedSubscription correlation) implements EngineEvent {}

  record ProcessInstanceStartedByMessage(long processInstanceKey, String bpmnProcessId, String correlationKey) implements EngineEvent {}

  // --- incidents
  record IncidentCreated(Incident incident) implements EngineEvent {}

  record IncidentResolved(long key, long time) implements EngineEvent {}

  // --- batch operations
  /**
   * A batch operation with its items (and a modification batch's moves, or a migration batch's
   * mapping instructions and target definition; 0 for other batches), ACTIVE; without items it is
   * COMPLETED at once.
   */
  record BatchOperationCreated(
      long key,
      BatchOperation.Type type,
      List<BatchOperation.ItemRef> items,
      List<BatchOperation.Move> moves,
      BatchOperation.Actor actor,
      long time,
      long targetProcessDefinitionKey)
      implements EngineEvent {}

  /** One item was processed: {@code errorMessage} null means it COMPLETED, else it FAILED. */
  record BatchOperationItemProcessed(long batchOperationKey, long itemKey, String errorMessage, long time) implements EngineEvent {}

  /** Every item is processed: COMPLETED, PARTIALLY_COMPLETED or FAILED. */
  record BatchOperationFinished(long key, BatchOperation.State state, long time) implements EngineEvent {}

  /** Canceled: the items not processed yet are CANCELED. */
  record BatchOperationCanceled(long key, long time) implements EngineEvent {}

  record BatchOperationSuspended(long key) implements EngineEvent {}

  record BatchOperationResumed(long key) implements EngineEvent {}

  // --- user tasks: their events live in UserTaskEvent and are applied by UserTaskApplier
  record UserTaskChanged(UserTaskEvent event) implements EngineEvent {}

  /** A Camunda form deployed for user tasks to link. */
  record FormDeployed(org.camunda4j.engine.internal.state.DeployedForm form) implements EngineEvent {}

  // --- decisions
  /** A new version of a decision requirements graph (it carries its XML) and of each of its decisions. */
  record DecisionRequirementsDeployed(
      org.camunda4j.engine.internal.state.DeployedDecisionRequirements requirements,
      List<org.camunda4j.engine.internal.state.DeployedDecision> decisions)
      implements EngineEvent {}

  /** A deployment kept an unchanged graph: its decisions count as deployed by it (binding type deployment). */
  record DecisionRequirementsKept(long decisionRequirementsKey, long deploymentKey) implements EngineEvent {}

  /** A decision was evaluated: one instance per decision evaluated, the called one last. */
  record DecisionEvaluated(long evaluationKey, List<org.camunda4j.engine.internal.state.DecisionInstance> instances)
      implements EngineEvent {}

  /**
   * Ended process instances whose history retention ran out (their age or the count limit): each
   * goes with everything of its own, its element instances, variables, jobs, incidents, user tasks
   * and message correlations.
   */
  record ProcessInstancesRemoved(List<Long> processInstanceKeys) implements EngineEvent {}

  // --- identity: users, tenants, groups, roles, mapping rules, their members, authorizations
  /** A user created or changed through the identity API (its password as a salted hash only). */
  record UserSaved(Identities.User user) implements EngineEvent {}

  /** A user deleted: it leaves every tenant, group and role, and its authorizations go. */
  record UserDeleted(String username) implements EngineEvent {}

  /** A tenant, group or role created or changed. */
  record IdentityEntitySaved(Identities.Entity entity) implements EngineEvent {}

  /** A tenant, group or role deleted, with its members; a group or role also leaves every entity and its authorizations go. */
  record IdentityEntityDeleted(Identities.EntityType type, String id) implements EngineEvent {}

  record MemberAdded(Identities.EntityType type, String id, Identities.Member member) implements EngineEvent {}

  record MemberRemoved(Identities.EntityType type, String id, Identities.Member member) implements EngineEvent {}

  /** An authorization created or changed. */
  record AuthorizationSaved(Identities.Authorization authorization) implements EngineEvent {}

  record AuthorizationDeleted(long authorizationKey) implements EngineEvent {}

  /** A mapping rule created or changed. */
  record MappingRuleSaved(Identities.MappingRule mappingRule) implements EngineEvent {}

  /** A mapping rule deleted: it leaves every tenant, group and role, and its authorizations go. */
  record MappingRuleDeleted(String mappingRuleId) implements EngineEvent {}
}
