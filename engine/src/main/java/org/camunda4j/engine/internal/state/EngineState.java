package org.camunda4j.engine.internal.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/**
 * All engine state, in memory, owned by the processor thread. Processing reads it through the
 * public methods; only {@link EventApplier} (same package) changes it.
 *
 * <p>Ended instances, jobs, incidents and variables are kept so that the search endpoints can
 * report them, as Camunda's secondary storage does.
 */
public final class EngineState implements java.io.Serializable {

  /** The last key a committed command used (changed by the applier of {@code KeysIssued}); see {@link KeyRange}. */
  long lastKey = KeyRange.PARTITION_ONE;

  /**
   * The last key handed out to the running command. Not state: the processor records it with a
   * {@code KeysIssued} event when the command commits, and a failed command's keys are handed out again.
   */
  private long keyCursor = KeyRange.PARTITION_ONE;

  final Map<Long, ProcessDefinition> definitionsByKey = new HashMap<>();
  final Map<String, TreeMap<Integer, ProcessDefinition>> definitionsById = new HashMap<>();

  final Map<Long, ProcessInstance> processInstances = new LinkedHashMap<>();
  /** Ended process instances by end time, oldest first: what history retention removes. */
  final NavigableSet<Due> endedInstances = new TreeSet<>();
  final Map<Long, ElementInstance> elementInstances = new HashMap<>();
  final Map<Long, Set<Long>> childrenByScope = new HashMap<>();
  /** Every element instance below a process instance, live or ended, in activation order. */
  final Map<Long, ElementRecord> elementRecords = new LinkedHashMap<>();
  /** The keys of {@link #elementRecords} per process instance, so they go with their instance. */
  final Map<Long, List<Long>> elementRecordsByInstance = new HashMap<>();

  final Map<Long, LinkedHashMap<String, Variable>> variablesByScope = new HashMap<>();
  final Map<Long, Variable> variablesByKey = new LinkedHashMap<>();

  final Map<Long, Job> jobs = new LinkedHashMap<>();
  final Map<String, TreeSet<Long>> activatableByType = new HashMap<>();
  final NavigableSet<Due> jobDeadlines = new TreeSet<>();
  final NavigableSet<Due> jobBackoffs = new TreeSet<>();

  final Map<Long, Incident> incidents = new LinkedHashMap<>();

  /*
   * The keys of the jobs, variables, incidents, user tasks and message subscription records of each
   * process instance, so that removing an instance visits only its own. Derived from the maps above:
   * transient, so not in snapshots, and rebuilt by reindex() after one is read.
   */
  final transient KeysByInstance jobKeysByInstance = new KeysByInstance();
  final transient KeysByInstance variableKeysByInstance = new KeysByInstance();
  final transient KeysByInstance incidentKeysByInstance = new KeysByInstance();
  final transient KeysByInstance userTaskKeysByInstance = new KeysByInstance();
  final transient KeysByInstance subscriptionRecordKeysByInstance = new KeysByInstance();

  final Map<Long, BatchOperation> batchOperations = new LinkedHashMap<>();

  public Optional<BatchOperation> batchOperation(long key) {
    return Optional.ofNullable(batchOperations.get(key));
  }

  /** Every batch operation, oldest first. */
  public Collection<BatchOperation> batchOperations() {
    return Collections.unmodifiableCollection(batchOperations.values());
  }

  // --- user tasks (changed by UserTaskApplier)
  final UserTaskStore userTasks = new UserTaskStore();

  public UserTaskStore userTasks() {
    return userTasks;
  }

  final FormStore forms = new FormStore();

  /** Deployed Camunda forms, which user tasks link. */
  public FormStore forms() {
    return forms;
  }

  final DecisionStore decisions = new DecisionStore();

  /** Deployed decision requirements graphs, decisions and decision instances. */
  public DecisionStore decisions() {
    return decisions;
  }

  final Identities identities = new Identities();

  /** Users, tenants, groups, roles and authorizations; also read from network threads (see there). */
  public Identities identities() {
    return identities;
  }

  /** Element instances that opened a message, signal or timer wait, so an ending element without one skips the scan. */
  final Set<Long> waitOwners = new java.util.HashSet<>();
  final Map<Long, MessageSubscription> messageSubscriptions = new LinkedHashMap<>();
  /** Every message subscription, open or closed, for the message-subscription search. */
  final Map<Long, MessageSubscriptionRecord> messageSubscriptionRecords = new LinkedHashMap<>();

  public Collection<MessageSubscriptionRecord> messageSubscriptionRecords() {
    return Collections.unmodifiableCollection(messageSubscriptionRecords.values());
  }
  final Map<Long, SignalSubscription> signalSubscriptions = new LinkedHashMap<>();
  final Map<Long, Timer> timers = new HashMap<>();
  final NavigableSet<Due> timerDueDates = new TreeSet<>();
  final Map<Long, BufferedMessage> bufferedMessages = new LinkedHashMap<>();
  final Map<Long, Set<String>> messageCorrelatedProcesses = new HashMap<>();
  final NavigableSet<Due> messageDeadlines = new TreeSet<>();
  /** Which message reached which subscription, per process instance (removed with it). */
  final Map<Long, List<CorrelatedSubscription>> correlatedSubscriptions = new LinkedHashMap<>();

  /** Every correlation of a message to a subscription, oldest first per process instance. */
  public Stream<CorrelatedSubscription> correlatedSubscriptions() {
    return correlatedSubscriptions.values().stream().flatMap(List::stream);
  }

  /** Compensation subscriptions per process instance, by key; they go when their process instance ends. */
  final Map<Long, Map<Long, CompensationSubscription>> compensationSubscriptions = new HashMap<>();

  /** The compensation subscriptions of a live process instance, oldest first. */
  public Collection<CompensationSubscription> compensationSubscriptions(long processInstanceKey) {
    Map<Long, CompensationSubscription> subscriptions = compensationSubscriptions.get(processInstanceKey);
    return subscriptions == null ? List.of() : Collections.unmodifiableCollection(subscriptions.values());
  }

  /** Instances started by a message with a correlation key, per "processId\0key": no second one while active. */
  final Map<String, Long> messageStartedInstances = new HashMap<>();

  /** Instances created with start instructions: the elements they start at, until their process element activates. */
  final Map<Long, List<String>> startInstructions = new HashMap<>();

  /** The elements a new instance starts at instead of its none start event; empty for a usual start. */
  public List<String> startInstructions(long processInstanceKey) {
    return startInstructions.getOrDefault(processInstanceKey, List.of());
  }

  /** Instances started at a message, timer or signal start event, until their process element activates. */
  final Map<Long, TriggeredStart> triggeredStarts = new HashMap<>();

  /** Hands out the next key; keys are unique across every kind of record. */
  public long nextKey() {
    return ++keyCursor;
  }

  /** The last key handed out, committed or not: the processor records it when a command commits. */
  public long keyCursor() {
    return keyCursor;
  }

  /** The last key of every committed command. */
  public long lastKey() {
    return lastKey;
  }

  /** Where a process instance started by a message, timer or signal starts, and with what payload. */
  public Optional<TriggeredStart> triggeredStart(long processInstanceKey) {
    return Optional.ofNullable(triggeredStarts.get(processInstanceKey));
  }

  /** Takes back the keys of a command that failed before it committed. */
  public void discardUnissuedKeys() {
    keyCursor = lastKey;
  }

  void keysIssued(long lastKey) {
    this.lastKey = lastKey;
    this.keyCursor = lastKey;
  }

  private void clearIndexes() {
    jobKeysByInstance.clear();
    variableKeysByInstance.clear();
    incidentKeysByInstance.clear();
    userTaskKeysByInstance.clear();
    subscriptionRecordKeysByInstance.clear();
  }

  /** Builds the per-instance key indexes again from the maps they index: after a snapshot was read, which holds no index. */
  public void reindex() {
    clearIndexes();
    jobs.values().forEach(job -> jobKeysByInstance.add(job.processInstanceKey(), job.key()));
    variablesByKey.values().forEach(variable -> variableKeysByInstance.add(variable.processInstanceKey(), variable.key()));
    incidents.values().forEach(incident -> incidentKeysByInstance.add(incident.processInstanceKey(), incident.key()));
    userTasks.byKey.values().forEach(task -> userTaskKeysByInstance.add(task.processInstanceKey(), task.key()));
    messageSubscriptionRecords.values()
        .forEach(record -> subscriptionRecordKeysByInstance.add(record.subscription().processInstanceKey(), record.subscription().key()));
  }

  /**
   * Forgets everything, for a replay of the event log to rebuild it: how the processor undoes a
   * command that failed half-way. Every field of this class is reset here.
   */
  public void clear() {
    keysIssued(KeyRange.PARTITION_ONE);
    definitionsByKey.clear();
    definitionsById.clear();
    processInstances.clear();
    endedInstances.clear();
    elementInstances.clear();
    elementRecords.clear();
    elementRecordsByInstance.clear();
    correlatedSubscriptions.clear();
    childrenByScope.clear();
    variablesByScope.clear();
    variablesByKey.clear();
    jobs.clear();
    activatableByType.clear();
    jobDeadlines.clear();
    jobBackoffs.clear();
    incidents.clear();
    batchOperations.clear();
    elementRecords.clear();
    elementRecordsByInstance.clear();
    correlatedSubscriptions.clear();
    userTasks.clear();
    forms.clear();
    decisions.clear();
    identities.clear();
    triggeredStarts.clear();
    startInstructions.clear();
    waitOwners.clear();
    messageSubscriptions.clear();
    messageSubscriptionRecords.clear();
    clearIndexes();
    signalSubscriptions.clear();
    timers.clear();
    timerDueDates.clear();
    bufferedMessages.clear();
    messageCorrelatedProcesses.clear();
    messageDeadlines.clear();
    messageStartedInstances.clear();
    compensationSubscriptions.clear();
  }

  /**
   * Takes over every field of {@code snapshot}, a state read from a snapshot of the event log, so
   * that everything holding this state sees the restored one. Generic over the fields, so state
   * added to this class is restored without code here; {@code snapshot} must not be used afterwards.
   */
  public void restore(EngineState snapshot) {
    for (java.lang.reflect.Field field : EngineState.class.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      try {
        field.setAccessible(true);
        field.set(this, field.get(snapshot));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("the engine state's field " + field.getName() + " cannot be restored", e);
      }
    }
  }

  // --- deployments

  public Optional<ProcessDefinition> definition(long key) {
    return Optional.ofNullable(definitionsByKey.get(key));
  }

  /** Process ids are per tenant: each tenant has its own versions of a process id. */
  static String scoped(String bpmnProcessId, String tenantId) {
    return bpmnProcessId + "\0" + tenantId;
  }

  public Optional<ProcessDefinition> latestDefinition(String bpmnProcessId, String tenantId) {
    TreeMap<Integer, ProcessDefinition> versions = definitionsById.get(scoped(bpmnProcessId, tenantId));
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  public Optional<ProcessDefinition> definition(String bpmnProcessId, int version, String tenantId) {
    TreeMap<Integer, ProcessDefinition> versions = definitionsById.get(scoped(bpmnProcessId, tenantId));
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  public Collection<ProcessDefinition> definitions() {
    return Collections.unmodifiableCollection(definitionsByKey.values());
  }

  // --- instances

  public Optional<ProcessInstance> processInstance(long key) {
    return Optional.ofNullable(processInstances.get(key));
  }

  /** The top of the call hierarchy of a process instance (itself when it was not called). */
  public long rootOf(long processInstanceKey) {
    ProcessInstance instance = processInstances.get(processInstanceKey);
    return instance == null ? processInstanceKey : instance.rootProcessInstanceKey();
  }

  public Collection<ProcessInstance> processInstances() {
    return Collections.unmodifiableCollection(processInstances.values());
  }

  /** How many ended process instances are kept. */
  public int endedInstanceCount() {
    return endedInstances.size();
  }

  /** When the instance that ended first of those kept ended, or -1 when none is kept. */
  public long firstEndTime() {
    return endedInstances.isEmpty() ? -1 : endedInstances.first().time();
  }

  /**
   * Ended instances, the oldest first: at least the {@code atLeast} oldest and every one that ended
   * at or before {@code endedBy}, but no more than {@code atMost}.
   */
  public List<Long> oldestEndedInstances(int atLeast, long endedBy, int atMost) {
    List<Long> keys = new ArrayList<>();
    for (Due ended : endedInstances) {
      if (keys.size() >= atMost || (keys.size() >= atLeast && ended.time() > endedBy)) {
        break;
      }
      keys.add(ended.key());
    }
    return keys;
  }

  public Optional<ElementInstance> elementInstance(long key) {
    return Optional.ofNullable(elementInstances.get(key));
  }

  /** Live children of a container instance, in the order they were activated. */
  public List<ElementInstance> children(long scopeKey) {
    Set<Long> keys = childrenByScope.get(scopeKey);
    if (keys == null) {
      return List.of();
    }
    List<ElementInstance> children = new ArrayList<>(keys.size());
    for (long key : keys) {
      children.add(elementInstances.get(key));
    }
    return children;
  }

  /** An element instance, live or ended (never the process instance itself). */
  public Optional<ElementRecord> elementRecord(long key) {
    return Optional.ofNullable(elementRecords.get(key));
  }

  /** Every element instance, live or ended, in activation order. */
  public Collection<ElementRecord> elementRecords() {
    return Collections.unmodifiableCollection(elementRecords.values());
  }

  /** The element instances of one process instance, live or ended, in activation order. */
  public List<ElementRecord> elementRecordsOf(long processInstanceKey) {
    List<Long> keys = elementRecordsByInstance.get(processInstanceKey);
    return keys == null ? List.of() : keys.stream().map(elementRecords::get).toList();
  }

  // --- variables

  /** Variables defined directly on a scope. */
  public Map<String, Variable> localVariables(long scopeKey) {
    Map<String, Variable> variables = variablesByScope.get(scopeKey);
    return variables == null ? Map.of() : Collections.unmodifiableMap(variables);
  }

  /** Every variable visible from a scope: its own, then each enclosing scope's; inner ones shadow outer ones. */
  public Map<String, Object> visibleVariables(long scopeKey) {
    Map<String, Object> visible = new HashMap<>();
    for (long key = scopeKey; key >= 0; key = flowScopeOf(key)) {
      Map<String, Variable> local = variablesByScope.get(key);
      if (local != null) {
        for (Variable variable : local.values()) {
          visible.putIfAbsent(variable.name(), variable.value());
        }
      }
    }
    return visible;
  }

  /**
   * Where a propagated variable goes: the nearest scope from {@code scopeKey} outwards that defines
   * {@code name}, but no further than an ad-hoc sub-process's inner instance, which keeps what its
   * activation writes (8.9); -1 when no scope up to the process instance defines it.
   */
  public long propagationScope(long scopeKey, String name) {
    for (long key = scopeKey; key >= 0; key = flowScopeOf(key)) {
      Map<String, Variable> local = variablesByScope.get(key);
      ElementInstance instance = elementInstances.get(key);
      if ((local != null && local.containsKey(name)) || (instance != null && instance.adHocInnerInstance)) {
        return key;
      }
    }
    return -1;
  }

  public Optional<Variable> variable(long key) {
    return Optional.ofNullable(variablesByKey.get(key));
  }

  public Collection<Variable> variables() {
    return Collections.unmodifiableCollection(variablesByKey.values());
  }

  private long flowScopeOf(long key) {
    ElementInstance instance = elementInstances.get(key);
    return instance == null ? -1 : instance.flowScopeKey();
  }

  // --- jobs

  public Optional<Job> job(long key) {
    return Optional.ofNullable(jobs.get(key));
  }

  public Collection<Job> jobs() {
    return Collections.unmodifiableCollection(jobs.values());
  }

  /** Activatable jobs of a type, oldest key first (a retried job goes back to its old place). */
  public Stream<Job> activatableJobs(String type) {
    TreeSet<Long> keys = activatableByType.get(type);
    return keys == null ? Stream.empty() : keys.stream().map(jobs::get);
  }

  /** Activated jobs whose deadline is at or before {@code now}. */
  public List<Job> jobsTimedOutAt(long now) {
    return dueUntil(jobDeadlines, now);
  }

  /** Failed jobs whose backoff ended at or before {@code now}. */
  public List<Job> jobsRecurringAt(long now) {
    return dueUntil(jobBackoffs, now);
  }

  /** The earliest instant at which a job deadline, backoff, timer or message TTL falls due, or -1. */
  public long nextDueTime() {
    long next = -1;
    for (NavigableSet<Due> index : List.of(jobDeadlines, jobBackoffs, timerDueDates, messageDeadlines)) {
      if (!index.isEmpty()) {
        long due = index.first().time();
        next = next < 0 ? due : Math.min(next, due);
      }
    }
    return next;
  }

  private List<Job> dueUntil(NavigableSet<Due> index, long now) {
    List<Job> due = new ArrayList<>();
    for (Due entry : index) {
      if (entry.time() > now) {
        break;
      }
      due.add(jobs.get(entry.key()));
    }
    return due;
  }

  // --- messages, signals, timers

  /** Open message subscriptions in the order they were opened. */
  public Collection<MessageSubscription> messageSubscriptions() {
    return Collections.unmodifiableCollection(messageSubscriptions.values());
  }

  public Collection<SignalSubscription> signalSubscriptions() {
    return Collections.unmodifiableCollection(signalSubscriptions.values());
  }

  /** Buffered messages, oldest first. */
  public Collection<BufferedMessage> bufferedMessages() {
    return Collections.unmodifiableCollection(bufferedMessages.values());
  }

  /** Whether a buffered message was already correlated to an instance of this process. */
  public boolean wasCorrelatedTo(long messageKey, String bpmnProcessId) {
    Set<String> processes = messageCorrelatedProcesses.get(messageKey);
    return processes != null && processes.contains(bpmnProcessId);
  }

  /** The active instance of a tenant's process that a message with this correlation key started, or -1. */
  public long instanceStartedByMessage(String bpmnProcessId, String tenantId, String correlationKey) {
    return messageStartedInstances.getOrDefault(messageStartKey(bpmnProcessId, tenantId, correlationKey), -1L);
  }

  /** Tenants may deploy the same process id, and each keeps its own one-instance-per-key rule. */
  static String messageStartKey(String bpmnProcessId, String tenantId, String correlationKey) {
    return tenantId + "\0" + bpmnProcessId + "\0" + correlationKey;
  }

  /** The correlation key of the message that started this instance, if a keyed message did. */
  public Optional<String> startingCorrelationKey(long processInstanceKey) {
    for (Map.Entry<String, Long> entry : messageStartedInstances.entrySet()) {
      if (entry.getValue() == processInstanceKey) {
        // the key is tenant \0 process id \0 correlation key, and only the last may hold anything
        int afterTenant = entry.getKey().indexOf('\0') + 1;
        return Optional.of(entry.getKey().substring(entry.getKey().indexOf('\0', afterTenant) + 1));
      }
    }
    return Optional.empty();
  }

  public Collection<Timer> timers() {
    return Collections.unmodifiableCollection(timers.values());
  }

  /** Timers due at or before {@code now}, earliest first. */
  public List<Timer> timersDueAt(long now) {
    List<Timer> due = new ArrayList<>();
    for (Due entry : timerDueDates) {
      if (entry.time() > now) {
        break;
      }
      due.add(timers.get(entry.key()));
    }
    return due;
  }

  /** Buffered messages whose time to live ran out at or before {@code now}. */
  public List<BufferedMessage> messagesExpiredAt(long now) {
    List<BufferedMessage> expired = new ArrayList<>();
    for (Due entry : messageDeadlines) {
      if (entry.time() > now) {
        break;
      }
      expired.add(bufferedMessages.get(entry.key()));
    }
    return expired;
  }

  // --- incidents

  public Optional<Incident> incident(long key) {
    return Optional.ofNullable(incidents.get(key));
  }

  public Collection<Incident> incidents() {
    return Collections.unmodifiableCollection(incidents.values());
  }

  /** Active incidents raised on an element instance. */
  public List<Incident> activeIncidentsOf(long elementInstanceKey) {
    List<Incident> active = new ArrayList<>();
    for (Incident incident : incidents.values()) {
      if (incident.isActive() && incident.elementInstanceKey() == elementInstanceKey) {
        active.add(incident);
      }
    }
    return active;
  }

  Set<Long> childSet(long scopeKey) {
    return childrenByScope.computeIfAbsent(scopeKey, k -> new LinkedHashSet<>());
  }
}
