package org.camunda4j.engine.internal.state;

import java.util.Map;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceMigrated;

/**
 * Applies {@link ProcessInstanceMigrated}: everything live of the process instance points at the
 * target definition afterwards. Keys stay: the instance, its element instances, jobs, user tasks,
 * variables and incidents are the same records, now of other elements. Processing checked the
 * migration and put every decision into the event; this only records it.
 */
final class MigrationApplier {

  private MigrationApplier() {}

  static void apply(EngineState state, ProcessInstanceMigrated e) {
    ProcessDefinition target = state.definitionsByKey.get(e.targetProcessDefinitionKey());
    state.processInstances.get(e.processInstanceKey()).definition = target;
    ElementInstance root = state.elementInstances.get(e.processInstanceKey());
    root.process = target;
    root.element = target.process();
    for (Map.Entry<Long, String> moved : e.elements().entrySet()) {
      moveElement(state, moved.getKey(), target, target.element(moved.getValue()));
    }
    for (Incident incident : state.incidents.values().stream().filter(i -> i.processInstanceKey() == e.processInstanceKey() && i.isActive()).toList()) {
      String elementId =
          incident.elementInstanceKey() == e.processInstanceKey()
              ? target.process().id()
              : e.elements().getOrDefault(incident.elementInstanceKey(), incident.elementId());
      state.incidents.put(incident.key(), incident.migrated(elementId, target.key(), target.bpmnProcessId()));
    }
    for (MessageSubscription subscription : e.messageSubscriptions()) {
      state.messageSubscriptions.put(subscription.key(), subscription);
      MessageSubscriptionRecord record = state.messageSubscriptionRecords.get(subscription.key());
      record.subscription = subscription;
      record.state = MessageSubscriptionRecord.State.MIGRATED;
      record.lastUpdated = e.time();
    }
    e.signalSubscriptions().forEach(s -> state.signalSubscriptions.put(s.key(), s));
    e.timers().forEach(t -> state.timers.put(t.key(), t)); // the due date stays, so its index entry does too
    for (CompensationSubscription subscription : e.compensationSubscriptions()) {
      state.compensationSubscriptions.get(e.processInstanceKey()).put(subscription.key(), subscription);
    }
    e.closedWaits().forEach(key -> close(state, e.processInstanceKey(), key, e.time()));
    if (e.joinFlows() != null) { // absent from events written before joins were migrated
      e.joinFlows().forEach((scopeKey, renamed) -> {
        ElementInstance scope = state.elementInstances.get(scopeKey);
        Map<String, Integer> tokens = new java.util.HashMap<>(scope.joinTokens);
        scope.joinTokens.clear();
        tokens.forEach((flow, count) -> scope.joinTokens.merge(renamed.getOrDefault(flow, flow), count, Integer::sum));
      });
    }
  }

  private static void moveElement(EngineState state, long key, ProcessDefinition target, ExecutableElement element) {
    ElementInstance instance = state.elementInstances.get(key);
    instance.process = target;
    instance.element = element;
    ElementRecord record = state.elementRecords.get(key);
    record.process = target;
    record.element = element;
    Job job = instance.jobKey() >= 0 ? state.jobs.get(instance.jobKey()) : null;
    if (job != null) {
      job.elementId = element.id();
      job.processDefinitionKey = target.key();
      job.processDefinitionId = target.bpmnProcessId();
      job.processDefinitionVersion = target.version();
      job.lastEvent = "MIGRATED";
    }
    UserTask task = state.userTasks.liveByElementInstance.get(key);
    if (task != null) {
      task.process = target;
      task.element = element;
    }
  }

  /** A wait that the target no longer has (or that was not mapped): a message, signal or timer wait, or a compensation subscription. */
  private static void close(EngineState state, long processInstanceKey, long key, long time) {
    if (state.messageSubscriptions.remove(key) != null) {
      MessageSubscriptionRecord record = state.messageSubscriptionRecords.get(key);
      record.state = MessageSubscriptionRecord.State.DELETED;
      record.lastUpdated = time;
    } else if (state.signalSubscriptions.remove(key) == null) {
      Timer timer = state.timers.remove(key);
      if (timer != null) {
        state.timerDueDates.remove(new Due(timer.dueDate(), key));
      } else {
        Map<Long, CompensationSubscription> compensations = state.compensationSubscriptions.get(processInstanceKey);
        compensations.remove(key);
        if (compensations.isEmpty()) {
          state.compensationSubscriptions.remove(processInstanceKey);
        }
      }
    }
  }
}
