package org.camunda4j.engine.internal.state;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.record.EngineEvent.*;

/**
 * The only code that changes {@link EngineState}: one case per event, and the compiler checks that
 * every event has one. Appliers never read a clock or decide anything; they record what happened.
 */
public final class EventApplier {

  private final EngineState state;

  public EventApplier(EngineState state) {
    this.state = state;
  }

  public void apply(EngineEvent event) {
    switch (event) {
      case KeysIssued e -> state.keysIssued(e.lastKey());
      case ProcessDeployed e -> deployed(e.definition());
      case ProcessInstanceDeleted e -> deleted(e.processInstanceKey());
      case ProcessInstanceMigrated e -> MigrationApplier.apply(state, e);
      case StartInstructionsGiven e -> state.startInstructions.put(e.processInstanceKey(), List.copyOf(e.elementIds()));
      case StartEventTriggered e -> state.triggeredStarts.put(e.processInstanceKey(), new TriggeredStart(e.startElementId(), e.payload()));
      case ProcessInstanceCreated e -> {
        state.processInstances.put(
            e.processInstanceKey(),
            new ProcessInstance(
                e.processInstanceKey(), state.definitionsByKey.get(e.processDefinitionKey()), e.tags(), e.businessId(),
                e.parentProcessInstanceKey(), e.parentElementInstanceKey(), e.rootProcessInstanceKey(), e.time()));
        if (e.parentElementInstanceKey() >= 0) {
          instance(e.parentElementInstanceKey()).calledInstanceKey = e.processInstanceKey();
        }
      }
      case ElementActivating e -> activating(e);
      case ElementActivated e -> {
        instance(e.key()).state = ElementState.ACTIVATED;
        state.triggeredStarts.remove(e.key());
        state.startInstructions.remove(e.key());
        recordState(e.key(), ElementState.ACTIVATED, -1);
      }
      case AdHocCompletionFulfilled e -> instance(e.key()).adHocCompletionFulfilled = true;
      case ElementCompleting e -> {
        instance(e.key()).state = ElementState.COMPLETING;
        recordState(e.key(), ElementState.COMPLETING, -1);
      }
      case ElementCompleted e -> ended(e.key(), ElementState.COMPLETED, e.time());
      case ElementTerminating e -> {
        instance(e.key()).state = ElementState.TERMINATING;
        recordState(e.key(), ElementState.TERMINATING, -1);
      }
      case ElementTerminated e -> ended(e.key(), ElementState.TERMINATED, e.time());
      case SequenceFlowTaken e -> {
        ElementInstance scope = instance(e.flowScopeKey());
        scope.activeFlows++;
        if (e.toJoin()) {
          scope.joinTokens.merge(e.flowId(), 1, Integer::sum);
        }
      }
      case JoinTokensDiscarded e -> {
        ElementInstance scope = instance(e.flowScopeKey());
        scope.activeFlows = 0;
        scope.joinTokens.clear();
      }
      case CompensationSubscribed e ->
          state.compensationSubscriptions
              .computeIfAbsent(e.subscription().processInstanceKey(), k -> new LinkedHashMap<>())
              .put(e.subscription().key(), e.subscription());
      case CompensationTriggered e ->
          state.compensationSubscriptions
              .get(e.processInstanceKey())
              .computeIfPresent(e.key(), (k, sub) -> sub.triggeredBy(e.throwEventInstanceKey(), e.handlerInstanceKey()));
      case CompensationSubscriptionClosed e -> {
        Map<Long, CompensationSubscription> subscriptions = state.compensationSubscriptions.get(e.processInstanceKey());
        subscriptions.remove(e.key());
        if (subscriptions.isEmpty()) {
          state.compensationSubscriptions.remove(e.processInstanceKey());
        }
      }
      case ExecutionListenerCompleted e -> {
        ElementInstance instance = instance(e.elementInstanceKey());
        if (e.start()) {
          instance.startListenersDone++;
        } else {
          instance.endListenersDone++;
        }
      }
      case VariableCreated e -> {
        Variable variable = new Variable(e.key(), e.name(), e.value(), e.scopeKey(), e.processInstanceKey(), e.tenantId());
        state.variablesByScope.computeIfAbsent(e.scopeKey(), k -> new LinkedHashMap<>()).put(e.name(), variable);
        state.variablesByKey.put(e.key(), variable);
        state.variableKeysByInstance.add(e.processInstanceKey(), e.key());
      }
      case VariableUpdated e -> {
        Variable updated = state.variablesByScope.get(e.scopeKey()).get(e.name()).withValue(e.value());
        state.variablesByScope.get(e.scopeKey()).put(e.name(), updated);
        state.variablesByKey.put(e.key(), updated);
      }
      case JobCreated e -> jobCreated(e);
      case JobsActivated e -> {
        for (long key : e.keys()) {
          Job job = job(key);
          makeUnavailable(job);
          job.state = JobState.ACTIVATED;
          job.lastEvent = "CREATED";
          job.worker = e.worker();
          job.deadline = e.deadline();
          job.activationCount++;
          job.lastUpdateTime = e.time();
          state.jobDeadlines.add(new Due(e.deadline(), key));
        }
      }
      case JobCompleted e -> finished(job(e.key()), "COMPLETED", e.time());
      case TaskListenerJobDenied e -> {
        Job job = job(e.key());
        job.denied = true;
        job.deniedReason = e.deniedReason();
      }
      case JobFailed e -> {
        Job job = job(e.key());
        makeUnavailable(job);
        job.retries = e.retries();
        job.errorMessage = e.errorMessage();
        job.lastEvent = "FAILED";
        job.lastUpdateTime = e.time();
        if (e.retries() > 0 && e.recurAt() < 0) {
          makeActivatable(job);
        } else {
          job.state = JobState.FAILED;
          if (e.retries() > 0) {
            job.recurAt = e.recurAt();
            state.jobBackoffs.add(new Due(e.recurAt(), job.key()));
          }
        }
      }
      case JobRecurred e -> {
        Job job = job(e.key());
        makeUnavailable(job);
        job.lastUpdateTime = e.time();
        makeActivatable(job);
      }
      case JobTimedOut e -> {
        Job job = job(e.key());
        makeUnavailable(job);
        job.lastEvent = "TIMED_OUT";
        job.lastUpdateTime = e.time();
        makeActivatable(job);
      }
      case JobYielded e -> {
        Job job = job(e.key());
        makeUnavailable(job);
        job.lastUpdateTime = e.time();
        makeActivatable(job);
      }
      case JobRetriesUpdated e -> {
        Job job = job(e.key());
        job.retries = e.retries();
        job.lastEvent = "RETRIES_UPDATED";
        job.lastUpdateTime = e.time();
      }
      case JobTimeoutUpdated e -> {
        Job job = job(e.key());
        state.jobDeadlines.remove(new Due(job.deadline, job.key()));
        job.deadline = e.deadline();
        job.lastUpdateTime = e.time();
        state.jobDeadlines.add(new Due(e.deadline(), job.key()));
      }
      case JobErrorThrown e -> {
        Job job = job(e.key());
        job.errorCode = e.errorCode();
        job.errorMessage = e.errorMessage();
        if (e.caught()) {
          finished(job, "ERROR_THROWN", e.time());
        } else {
          makeUnavailable(job);
          job.state = JobState.ERROR_THROWN;
          job.lastEvent = "ERROR_THROWN";
          job.lastUpdateTime = e.time();
        }
      }
      case JobCanceled e -> finished(job(e.key()), "CANCELED", e.time());
      case JobReactivated e -> {
        Job job = job(e.key());
        makeUnavailable(job);
        job.lastUpdateTime = e.time();
        makeActivatable(job);
      }
      case MessageSubscriptionOpened e -> {
        state.messageSubscriptions.put(e.subscription().key(), e.subscription());
        state.messageSubscriptionRecords.put(e.subscription().key(), new MessageSubscriptionRecord(e.subscription(), e.time()));
        state.subscriptionRecordKeysByInstance.add(e.subscription().processInstanceKey(), e.subscription().key());
        state.waitOwners.add(e.subscription().ownerKey());
      }
      case SignalSubscriptionOpened e -> {
        state.signalSubscriptions.put(e.subscription().key(), e.subscription());
        state.waitOwners.add(e.subscription().ownerKey());
      }
      case TimerCreated e -> {
        state.timers.put(e.timer().key(), e.timer());
        state.waitOwners.add(e.timer().ownerKey());
        state.timerDueDates.add(new Due(e.timer().dueDate(), e.timer().key()));
      }
      case TimerRemoved e -> removeTimer(e.key());
      case CatchSubscriptionsClosed e -> closeOwnedBy(e.ownerKey(), e.time());
      case MessageBuffered e -> {
        state.bufferedMessages.put(e.message().key(), e.message());
        state.messageDeadlines.add(new Due(e.message().deadline(), e.message().key()));
      }
      case MessageCorrelated e ->
          state.messageCorrelatedProcesses.computeIfAbsent(e.messageKey(), k -> new java.util.HashSet<>()).add(e.bpmnProcessId());
      case MessageExpired e -> {
        BufferedMessage message = state.bufferedMessages.remove(e.key());
        state.messageCorrelatedProcesses.remove(e.key());
        if (message != null) {
          state.messageDeadlines.remove(new Due(message.deadline(), message.key()));
        }
      }
      case MessageSubscriptionCorrelated e -> {
        state.correlatedSubscriptions.computeIfAbsent(e.correlation().processInstanceKey(), k -> new java.util.ArrayList<>()).add(e.correlation());
        MessageSubscriptionRecord record = state.messageSubscriptionRecords.get(e.correlation().subscriptionKey());
        if (record != null) { // a message start event has no subscription record
          record.state = MessageSubscriptionRecord.State.CORRELATED;
          record.lastUpdated = e.correlation().correlationTime();
        }
      }
      case ProcessInstanceStartedByMessage e -> {
        // the instance was created by an earlier event of the same command, so its tenant is known
        String tenantId = state.processInstances.get(e.processInstanceKey()).definition().tenantId();
        state.messageStartedInstances.put(
            EngineState.messageStartKey(e.bpmnProcessId(), tenantId, e.correlationKey()), e.processInstanceKey());
      }
      case IncidentCreated e -> {
        state.incidents.put(e.incident().key(), e.incident());
        state.incidentKeysByInstance.add(e.incident().processInstanceKey(), e.incident().key());
        ProcessInstance instance = state.processInstances.get(e.incident().processInstanceKey());
        if (instance != null) {
          instance.activeIncidents++;
        }
      }
      case IncidentResolved e -> {
        Incident incident = state.incidents.get(e.key());
        state.incidents.put(e.key(), incident.resolved());
        ProcessInstance instance = state.processInstances.get(incident.processInstanceKey());
        if (instance != null) {
          instance.activeIncidents--;
        }
      }
      // --- batch operations
      case BatchOperationCreated e -> {
        BatchOperation batch = new BatchOperation(e.key(), e.type(), e.moves(), e.targetProcessDefinitionKey(), e.actor(), e.time());
        e.items().forEach(ref -> batch.items.put(ref.itemKey(), new BatchOperation.Item(ref)));
        if (e.items().isEmpty()) {
          batch.state = BatchOperation.State.COMPLETED;
          batch.endDate = e.time();
        }
        state.batchOperations.put(e.key(), batch);
      }
      case BatchOperationItemProcessed e -> {
        BatchOperation.Item item = state.batchOperations.get(e.batchOperationKey()).items.get(e.itemKey());
        item.state = e.errorMessage() == null ? BatchOperation.ItemState.COMPLETED : BatchOperation.ItemState.FAILED;
        item.errorMessage = e.errorMessage();
        item.processedDate = e.time();
      }
      case BatchOperationFinished e -> {
        BatchOperation batch = state.batchOperations.get(e.key());
        batch.state = e.state();
        batch.endDate = e.time();
      }
      case BatchOperationCanceled e -> {
        BatchOperation batch = state.batchOperations.get(e.key());
        for (BatchOperation.Item item : batch.items.values()) {
          if (item.state == BatchOperation.ItemState.ACTIVE) {
            item.state = BatchOperation.ItemState.CANCELED;
            item.processedDate = e.time();
          }
        }
        batch.state = BatchOperation.State.CANCELED;
        batch.endDate = e.time();
      }
      case BatchOperationSuspended e -> state.batchOperations.get(e.key()).state = BatchOperation.State.SUSPENDED;
      case BatchOperationResumed e -> state.batchOperations.get(e.key()).state = BatchOperation.State.ACTIVE;
      // --- user tasks
      case UserTaskChanged e -> UserTaskApplier.apply(state, e.event());
      case ProcessInstancesRemoved e -> removed(e.processInstanceKeys());
      case FormDeployed e -> state.forms.add(e.form());
      // --- decisions
      case DecisionRequirementsDeployed e -> state.decisions.add(e.requirements(), e.decisions());
      case DecisionRequirementsKept e -> state.decisions.linkDeployment(e.decisionRequirementsKey(), e.deploymentKey());
      case DecisionEvaluated e -> state.decisions.addInstances(e.instances());
      // --- identity
      case UserSaved e -> state.identities.saveUser(e.user());
      case UserDeleted e -> state.identities.deleteUser(e.username());
      case IdentityEntitySaved e -> state.identities.saveEntity(e.entity());
      case IdentityEntityDeleted e -> state.identities.deleteEntity(e.type(), e.id());
      case MemberAdded e -> state.identities.addMember(e.type(), e.id(), e.member());
      case MemberRemoved e -> state.identities.removeMember(e.type(), e.id(), e.member());
      case AuthorizationSaved e -> state.identities.saveAuthorization(e.authorization());
      case AuthorizationDeleted e -> state.identities.deleteAuthorization(e.authorizationKey());
      case MappingRuleSaved e -> state.identities.saveMappingRule(e.mappingRule());
      case MappingRuleDeleted e -> state.identities.deleteMappingRule(e.mappingRuleId());
    }
  }

  private void deleted(long processInstanceKey) {
    ProcessInstance instance = state.processInstances.remove(processInstanceKey);
    if (instance != null) {
      state.endedInstances.remove(new Due(instance.endDate, processInstanceKey));
    }
    List<Long> records = state.elementRecordsByInstance.remove(processInstanceKey);
    if (records != null) {
      records.forEach(state.elementRecords::remove);
    }
    state.variablesByScope.remove(processInstanceKey);
    removeRecordsOf(processInstanceKey);
    state.correlatedSubscriptions.remove(processInstanceKey);
    state.decisions.removeInstancesOf(processInstanceKey);
  }

  private void deployed(ProcessDefinition definition) {
    state.definitionsByKey.put(definition.key(), definition);
    state.definitionsById.computeIfAbsent(EngineState.scoped(definition.bpmnProcessId(), definition.tenantId()), id -> new TreeMap<>()).put(definition.version(), definition);
  }

  private void activating(ElementActivating e) {
    ProcessDefinition definition = state.definitionsByKey.get(e.processDefinitionKey());
    ExecutableElement element = definition.element(e.elementId());
    ElementInstance instance = new ElementInstance(e.key(), element, definition, e.flowScopeKey(), e.processInstanceKey());
    instance.multiInstanceBody = e.multiInstanceBody();
    state.elementInstances.put(e.key(), instance);
    if (e.flowScopeKey() >= 0) {
      // an ad-hoc sub-process's inner instance has the sub-process's element, as a multi-instance
      // activity's inner instances have the body's; unlike those, its flow scope is no body
      ElementInstance flowScope = instance(e.flowScopeKey());
      instance.adHocInnerInstance =
          element.type() == org.camunda4j.engine.internal.model.ElementType.AD_HOC_SUB_PROCESS
              && flowScope.element() == element && !flowScope.multiInstanceBody;
      state.elementRecords.put(
          e.key(),
          new ElementRecord(
              e.key(), element, definition, e.multiInstanceBody(), instance.adHocInnerInstance, e.flowScopeKey(), e.processInstanceKey(),
              e.time()));
      state.elementRecordsByInstance.computeIfAbsent(e.processInstanceKey(), k -> new java.util.ArrayList<>()).add(e.key());
      ElementInstance scope = instance(e.flowScopeKey());
      scope.childCount++;
      scope.activeFlows -= e.consumedFlows();
      state.childSet(e.flowScopeKey()).add(e.key());
      if (element.isJoiningGateway() && e.consumedFlows() > 0) {
        for (SequenceFlow incoming : element.incoming()) {
          scope.joinTokens.computeIfPresent(incoming.id(), (id, n) -> n > 1 ? n - 1 : null);
        }
      }
    }
  }

  /** The element-instance record follows its live instance; the process instance has none. */
  private void recordState(long key, ElementState newState, long endDate) {
    ElementRecord record = state.elementRecords.get(key);
    if (record != null) {
      record.state = newState;
      record.endDate = endDate;
    }
  }

  private void removeTimer(long key) {
    Timer timer = state.timers.remove(key);
    if (timer != null) {
      state.timerDueDates.remove(new Due(timer.dueDate(), key));
    }
  }

  /** An element that ends, or is interrupted, stops waiting for messages, signals and timers. */
  private void closeOwnedBy(long ownerKey, long time) {
    if (!state.waitOwners.remove(ownerKey)) {
      return; // the common case: an element that never waited for anything
    }
    state.messageSubscriptions.values().removeIf(s -> {
      if (s.ownerKey() != ownerKey) {
        return false;
      }
      MessageSubscriptionRecord record = state.messageSubscriptionRecords.get(s.key());
      if (record.state == MessageSubscriptionRecord.State.CREATED || record.state == MessageSubscriptionRecord.State.MIGRATED) {
        record.state = MessageSubscriptionRecord.State.DELETED;
        record.lastUpdated = time;
      }
      return true;
    });
    state.signalSubscriptions.values().removeIf(s -> s.ownerKey() == ownerKey);
    List<Long> owned = state.timers.values().stream().filter(t -> t.ownerKey() == ownerKey).map(Timer::key).toList();
    owned.forEach(this::removeTimer);
  }

  private void ended(long key, ElementState endState, long time) {
    closeOwnedBy(key, time);
    ElementInstance instance = state.elementInstances.remove(key);
    instance.state = endState;
    recordState(key, endState, time);
    state.childrenByScope.remove(key);
    state.variablesByScope.remove(key);
    if (instance.flowScopeKey() >= 0) {
      ElementInstance scope = state.elementInstances.get(instance.flowScopeKey());
      scope.childCount--;
      state.childSet(instance.flowScopeKey()).remove(key);
      if (endState == ElementState.TERMINATED && scope.state == ElementState.TERMINATING) {
        scope.activeFlows = 0;
        scope.joinTokens.clear();
      }
      if (endState == ElementState.TERMINATED) {
        forgetCompensationsInside(instance);
      }
    } else {
      ProcessInstance processInstance = state.processInstances.get(key);
      processInstance.state = endState == ElementState.COMPLETED ? "COMPLETED" : "TERMINATED";
      processInstance.endDate = time;
      state.endedInstances.add(new Due(time, key));
      state.triggeredStarts.remove(key);
      state.startInstructions.remove(key);
      state.messageStartedInstances.values().remove(key);
      state.compensationSubscriptions.remove(key); // nothing of an ended instance can be compensated any more
    }
  }

  /** What completed inside a terminated scope can never be compensated: compensation reaches only completed scopes. */
  private void forgetCompensationsInside(ElementInstance terminated) {
    Map<Long, CompensationSubscription> subscriptions = state.compensationSubscriptions.get(terminated.processInstanceKey());
    if (subscriptions != null) {
      subscriptions.values().removeIf(s -> s.scopeKey() == terminated.key());
      if (subscriptions.isEmpty()) {
        state.compensationSubscriptions.remove(terminated.processInstanceKey());
      }
    }
  }

  /** Removes ended instances with everything of theirs; one pass over jobs, variables, incidents and user tasks for all of them. */
  private void removed(List<Long> keys) {
    Set<Long> removed = new HashSet<>(keys);
    for (long key : keys) {
      ProcessInstance instance = state.processInstances.remove(key);
      if (instance != null) {
        state.endedInstances.remove(new Due(instance.endDate, key));
      }
      List<Long> records = state.elementRecordsByInstance.remove(key);
      if (records != null) {
        records.forEach(state.elementRecords::remove);
      }
      state.correlatedSubscriptions.remove(key);
      removeRecordsOf(key);
    }
    state.decisions.removeInstancesOf(removed);
  }

  /** Removes the jobs, variables, incidents, user tasks and message subscription records of a removed instance. */
  private void removeRecordsOf(long processInstanceKey) {
    state.jobKeysByInstance.remove(processInstanceKey, state.jobs::remove);
    state.variableKeysByInstance.remove(processInstanceKey, state.variablesByKey::remove);
    state.incidentKeysByInstance.remove(processInstanceKey, state.incidents::remove);
    state.userTaskKeysByInstance.remove(processInstanceKey, state.userTasks.byKey::remove);
    state.subscriptionRecordKeysByInstance.remove(processInstanceKey, state.messageSubscriptionRecords::remove);
  }

  private void jobCreated(JobCreated e) {
    Job job =
        new Job(
            e.key(), e.type(), e.retries(), e.customHeaders(), e.elementInstanceKey(), e.elementId(), e.processInstanceKey(),
            e.processDefinitionKey(), e.processDefinitionId(), e.processDefinitionVersion(), e.tenantId(), e.kind(),
            e.listenerEventType(), e.time());
    state.jobs.put(job.key(), job);
    state.jobKeysByInstance.add(job.processInstanceKey(), job.key());
    ElementInstance instance = state.elementInstances.get(e.elementInstanceKey());
    if (instance != null) {
      instance.jobKey = job.key();
    }
    makeActivatable(job);
  }

  private void finished(Job job, String lastEvent, long time) {
    makeUnavailable(job);
    job.live = false;
    job.lastEvent = lastEvent;
    job.lastUpdateTime = time;
    ElementInstance instance = state.elementInstances.get(job.elementInstanceKey());
    if (instance != null && instance.jobKey == job.key()) {
      instance.jobKey = -1;
    }
  }

  private void makeActivatable(Job job) {
    job.state = JobState.ACTIVATABLE;
    job.deadline = -1;
    job.recurAt = -1;
    state.activatableByType.computeIfAbsent(job.type(), t -> new TreeSet<>()).add(job.key());
  }

  /** Takes a job out of every index; the caller puts it where its new state belongs. */
  private void makeUnavailable(Job job) {
    TreeSet<Long> activatable = state.activatableByType.get(job.type());
    if (activatable != null) {
      activatable.remove(job.key());
    }
    if (job.deadline >= 0) {
      state.jobDeadlines.remove(new Due(job.deadline, job.key()));
    }
    if (job.recurAt >= 0) {
      state.jobBackoffs.remove(new Due(job.recurAt, job.key()));
    }
    job.deadline = -1;
    job.recurAt = -1;
  }

  private ElementInstance instance(long key) {
    ElementInstance instance = state.elementInstances.get(key);
    if (instance == null) {
      throw new IllegalStateException("no live element instance " + key);
    }
    return instance;
  }

  private Job job(long key) {
    Job job = state.jobs.get(key);
    if (job == null) {
      throw new IllegalStateException("no job " + key);
    }
    return job;
  }
}
