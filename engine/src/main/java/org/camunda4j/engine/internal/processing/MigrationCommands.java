package org.camunda4j.engine.internal.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceMigrated;
import org.camunda4j.engine.internal.state.CompensationSubscription;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.MessageSubscription;
import org.camunda4j.engine.internal.state.SignalSubscription;
import org.camunda4j.engine.internal.state.Timer;

/**
 * Process instance migration (8.9): moves a live process instance to another process definition,
 * keeping every key. Each live element instance needs a mapping to an element of the same type in
 * the same (mapped) flow scope; its job, user task, local variables and incidents go with it and
 * are not recreated (a job keeps its type and retries). The waits of each element instance follow
 * the mapping of their catch events: a mapped one moves (a timer keeps its due date), one not mapped
 * closes, and a catch event the target adds that no mapping points at opens a new wait. Everything
 * is checked before the one {@link ProcessInstanceMigrated} event, so a rejected migration changes
 * nothing: a bad plan is a 400, an unknown instance or target a 404, a plan that does not fit the
 * instance's state a 409.
 */
final class MigrationCommands {

  /** The element types an active element instance may have to be migrated, as 8.9 lists them. */
  private static final Set<ElementType> MIGRATABLE =
      EnumSet.of(
          ElementType.SUB_PROCESS, ElementType.EVENT_SUB_PROCESS, ElementType.CALL_ACTIVITY, ElementType.SERVICE_TASK,
          ElementType.USER_TASK, ElementType.RECEIVE_TASK, ElementType.SEND_TASK, ElementType.BUSINESS_RULE_TASK,
          ElementType.SCRIPT_TASK, ElementType.EXCLUSIVE_GATEWAY, ElementType.EVENT_BASED_GATEWAY,
          ElementType.INTERMEDIATE_CATCH_EVENT);

  private static final Set<EventKind> SUBSCRIBED = EnumSet.of(EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL);

  private final EngineState state;
  private final CatchEventBehavior catchEvents;
  private final MessageCommands messages;

  MigrationCommands(EngineState state, CatchEventBehavior catchEvents, MessageCommands messages) {
    this.state = state;
    this.catchEvents = catchEvents;
    this.messages = messages;
  }

  /** One live element instance (or the process instance) and what it becomes. */
  private record Moved(ElementInstance instance, ExecutableElement target, boolean body, boolean inner) {}

  void migrate(ProcessingContext ctx, long processInstanceKey, MigrationPlan plan) {
    ElementInstance root =
        state.processInstance(processInstanceKey)
            .filter(p -> "ACTIVE".equals(p.state()))
            .flatMap(p -> state.elementInstance(processInstanceKey))
            .orElseThrow(() -> Rejection.notFound(
                "Expected to migrate process instance with key '" + processInstanceKey + "', but no such active process instance was found"));
    ProcessDefinition source = root.process();
    ProcessDefinition target =
        state.definition(plan.targetProcessDefinitionKey())
            .filter(d -> Objects.equals(d.tenantId(), source.tenantId()))
            .orElseThrow(() -> Rejection.notFound(
                "Expected to migrate process instance '" + processInstanceKey + "' to process definition with key '"
                    + plan.targetProcessDefinitionKey() + "', but no such process definition was found"
                    + (source.tenantId() == null ? "" : " in the instance's tenant '" + source.tenantId() + "'")));
    Map<String, String> mapping = mapping(plan.mappings(), source, target);
    String prefix = "Expected to migrate process instance '" + processInstanceKey + "', but ";

    // --- every live element instance, breadth first, with the element it becomes
    List<Moved> moved = new ArrayList<>();
    moved.add(new Moved(root, target.process(), false, false));
    Map<Long, ExecutableElement> targets = new HashMap<>(Map.of(root.key(), target.process()));
    Deque<ElementInstance> queue = new ArrayDeque<>(state.children(root.key()));
    Map<Long, Map<String, String>> joinFlows = new LinkedHashMap<>();
    joinFlows(root, target.process(), mapping, source, target, prefix, joinFlows);
    while (!queue.isEmpty()) {
      ElementInstance instance = queue.removeFirst();
      ExecutableElement element = instance.element();
      boolean inner = catchEvents.isInnerInstance(instance);
      // an ad-hoc sub-process's inner instance carries the sub-process's element too, and follows it
      ExecutableElement targetElement =
          inner || instance.isAdHocInnerInstance() ? targets.get(instance.flowScopeKey()) : checkedTarget(instance, mapping, target, targets.get(instance.flowScopeKey()), prefix);
      joinFlows(instance, targetElement, mapping, source, target, prefix, joinFlows);
      targets.put(instance.key(), targetElement);
      moved.add(new Moved(instance, targetElement, instance.isMultiInstanceBody(), inner));
      queue.addAll(state.children(instance.key()));
    }

    // --- the waits of each instance: moved when their catch event is mapped, else closed; new ones for what the target adds
    Map<Long, List<MessageSubscription>> messagesByOwner = new HashMap<>();
    state.messageSubscriptions().stream().filter(s -> s.processInstanceKey() == processInstanceKey)
        .forEach(s -> messagesByOwner.computeIfAbsent(s.ownerKey(), k -> new ArrayList<>()).add(s));
    Map<Long, List<SignalSubscription>> signalsByOwner = new HashMap<>();
    state.signalSubscriptions().stream().filter(s -> s.processInstanceKey() == processInstanceKey)
        .forEach(s -> signalsByOwner.computeIfAbsent(s.ownerKey(), k -> new ArrayList<>()).add(s));
    Map<Long, List<Timer>> timersByOwner = new HashMap<>();
    state.timers().stream().filter(t -> t.processInstanceKey() == processInstanceKey && t.ownerKey() >= 0)
        .forEach(t -> timersByOwner.computeIfAbsent(t.ownerKey(), k -> new ArrayList<>()).add(t));

    List<MessageSubscription> movedMessages = new ArrayList<>();
    List<SignalSubscription> movedSignals = new ArrayList<>();
    List<Timer> movedTimers = new ArrayList<>();
    List<Long> closed = new ArrayList<>();
    Map<Long, List<ExecutableElement>> added = new LinkedHashMap<>();
    Map<Long, Set<String>> closedMessageNames = new HashMap<>();
    for (Moved m : moved) {
      ElementInstance owner = m.instance();
      List<ExecutableElement> targetEvents =
          owner.isAdHocInnerInstance()
              ? List.of() // it waits for nothing: its sub-process owns the events
              : catchEvents.catchEventsOf(m.target(), m.body(), m.inner()).stream().filter(e -> SUBSCRIBED.contains(e.eventKind())).toList();
      Set<String> taken = new HashSet<>();
      for (MessageSubscription s : messagesByOwner.getOrDefault(owner.key(), List.of())) {
        String to = waitTarget(owner, m.target(), s.catchElementId(), mapping, targetEvents, taken, source, target, prefix);
        if (to == null) {
          closed.add(s.key());
          closedMessageNames.computeIfAbsent(owner.key(), k -> new HashSet<>()).add(s.messageName());
        } else {
          movedMessages.add(new MessageSubscription(
              s.key(), s.ownerKey(), to, s.processInstanceKey(), target.bpmnProcessId(), s.messageName(), s.correlationKey(), s.tenantId()));
        }
      }
      for (SignalSubscription s : signalsByOwner.getOrDefault(owner.key(), List.of())) {
        String to = waitTarget(owner, m.target(), s.catchElementId(), mapping, targetEvents, taken, source, target, prefix);
        if (to == null) {
          closed.add(s.key());
        } else {
          movedSignals.add(new SignalSubscription(s.key(), s.ownerKey(), to, s.processInstanceKey(), s.signalName()));
        }
      }
      for (Timer t : timersByOwner.getOrDefault(owner.key(), List.of())) {
        String to = waitTarget(owner, m.target(), t.catchElementId(), mapping, targetEvents, taken, source, target, prefix);
        if (to == null) {
          closed.add(t.key());
        } else {
          movedTimers.add(new Timer(
              t.key(), t.ownerKey(), to, target.key(), t.processInstanceKey(), t.dueDate(), t.repetitions(), t.intervalMillis(), t.cron()));
        }
      }
      List<ExecutableElement> fresh = targetEvents.stream().filter(e -> !taken.contains(e.id())).toList();
      if (!fresh.isEmpty()) {
        added.put(owner.key(), fresh);
      }
    }

    Map<Long, String> elements = new LinkedHashMap<>();
    moved.stream().skip(1).forEach(m -> elements.put(m.instance().key(), m.target().id()));
    List<CompensationSubscription> movedCompensations = new ArrayList<>();
    compensations(processInstanceKey, mapping, target, elements, movedCompensations, closed);

    ctx.emit(new ProcessInstanceMigrated(
        processInstanceKey, target.key(), elements, movedMessages, movedSignals, movedTimers, movedCompensations, closed, ctx.now(),
        joinFlows));

    // --- waits the target adds, evaluated in the migrated instance
    List<MessageSubscription> opened = new ArrayList<>();
    for (Map.Entry<Long, List<ExecutableElement>> entry : added.entrySet()) {
      ElementInstance owner = state.elementInstance(entry.getKey()).orElseThrow();
      List<MessageSubscription> subscriptions;
      try {
        subscriptions = catchEvents.open(ctx, owner, entry.getValue());
      } catch (FeelException e) {
        throw Rejection.invalidState(prefix + "a catch event the target adds to element '" + owner.element().id()
            + "' cannot be subscribed: " + e.getMessage());
      }
      Set<String> names = closedMessageNames.getOrDefault(owner.key(), Set.of());
      for (MessageSubscription subscription : subscriptions) {
        if (names.contains(subscription.messageName())) {
          throw Rejection.invalidState(prefix + "the catch event '" + subscription.catchElementId() + "' of element '"
              + owner.element().id() + "' would open a new subscription to message '" + subscription.messageName()
              + "' while the unmapped one it replaces is closed; map the source catch event of that message to '"
              + subscription.catchElementId() + "' to keep its subscription");
        }
      }
      opened.addAll(subscriptions);
    }
    if (!opened.isEmpty()) {
      // as on activation: a new subscription takes a buffered message meant for it
      ctx.followUp(() -> opened.forEach(subscription -> messages.correlateBuffered(ctx, subscription)));
    }
  }

  /** The plan's mapping instructions, checked against both definitions (400 when one is wrong). */
  private static Map<String, String> mapping(List<MigrationPlan.Mapping> instructions, ProcessDefinition source, ProcessDefinition target) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int i = 0; i < instructions.size(); i++) {
      MigrationPlan.Mapping m = instructions.get(i);
      String label = "mappingInstructions[" + i + "]";
      if (!source.elements().containsKey(m.sourceElementId()) && !flows(source).containsKey(m.sourceElementId())) {
        throw Rejection.invalidArgument(label + ": the source element '" + m.sourceElementId() + "' does not exist in process '"
            + source.bpmnProcessId() + "' version " + source.version() + " (the instance's process definition '" + source.key() + "')");
      }
      if (!target.elements().containsKey(m.targetElementId()) && !flows(target).containsKey(m.targetElementId())) {
        throw Rejection.invalidArgument(label + ": the target element '" + m.targetElementId() + "' does not exist in process '"
            + target.bpmnProcessId() + "' version " + target.version() + " (the target process definition '" + target.key() + "')");
      }
      if (mapping.putIfAbsent(m.sourceElementId(), m.targetElementId()) != null) {
        throw Rejection.invalidArgument(label + ": the source element '" + m.sourceElementId()
            + "' is mapped more than once; each source element may be mapped only once");
      }
    }
    return mapping;
  }

  /** The element a live element instance becomes: mapped, of the same kind, in the element its flow scope became. */
  private static ExecutableElement checkedTarget(
      ElementInstance instance, Map<String, String> mapping, ProcessDefinition target, ExecutableElement scopeTarget, String prefix) {
    ExecutableElement element = instance.element();
    String what = "active element '" + element.id() + "' (element instance '" + instance.key() + "')";
    String targetId = mapping.get(element.id());
    if (targetId == null) {
      throw Rejection.invalidState(prefix + "no mapping instruction is given for its " + what
          + "; every active element needs one (add a mapping from '" + element.id() + "' to an element of the target)");
    }
    if (!MIGRATABLE.contains(element.type())
        || (element.type() == ElementType.INTERMEDIATE_CATCH_EVENT && !SUBSCRIBED.contains(element.eventKind()))) {
      throw Rejection.invalidState(prefix + "its " + what + " is a " + describe(element)
          + ", which process instance migration does not support; use process instance modification to move it first");
    }
    if (!target.elements().containsKey(targetId)) {
      throw Rejection.invalidState(prefix + "its " + what + " is mapped to '" + targetId + "', which is a sequence flow, not an element");
    }
    ExecutableElement mapped = target.element(targetId);
    if (mapped.type() != element.type() || mapped.eventKind() != element.eventKind()) {
      throw Rejection.invalidState(prefix + "its " + what + " of type " + describe(element) + " is mapped to '" + targetId
          + "' of type " + describe(mapped) + "; an element can only be mapped to an element of the same type");
    }
    ExecutableElement mappedScope = mapped.flowScope().orElseThrow();
    if (mappedScope != scopeTarget) {
      throw Rejection.invalidState(prefix + "its " + what + " is mapped to '" + targetId + "', which is in '" + mappedScope.id()
          + "' while the element instance's flow scope becomes '" + scopeTarget.id()
          + "'; migration cannot move an element to another flow scope (map the flow scope to the target element's flow scope)");
    }
    boolean sourceMulti = element.multiInstance() != null;
    boolean targetMulti = mapped.multiInstance() != null;
    if (sourceMulti != targetMulti || (sourceMulti && element.multiInstance().sequential() != mapped.multiInstance().sequential())) {
      throw Rejection.invalidState(prefix + "its " + what + " is " + loop(element) + " and is mapped to '" + targetId + "', which is "
          + loop(mapped) + "; a multi-instance activity keeps its kind (parallel or sequential)");
    }
    return mapped;
  }

  private static String describe(ExecutableElement element) {
    return element.eventKind() == EventKind.NONE
        ? element.type().bpmnName()
        : element.eventKind().name().toLowerCase(java.util.Locale.ROOT) + " " + element.type().bpmnName();
  }

  private static String loop(ExecutableElement element) {
    return element.multiInstance() == null ? "not multi-instance" : element.multiInstance().sequential() ? "sequential multi-instance" : "parallel multi-instance";
  }

  /**
   * Tokens waiting at a joining gateway of {@code scope} move with a mapping of the gateway and of
   * each flow they arrived on, to an incoming flow of the target gateway, which has at least as many
   * incoming flows as the source gateway (8.9's conditions); what they become goes into {@code joinFlows}.
   */
  private static void joinFlows(
      ElementInstance scope, ExecutableElement scopeTarget, Map<String, String> mapping, ProcessDefinition source,
      ProcessDefinition target, String prefix, Map<Long, Map<String, String>> joinFlows) {
    if (!scope.hasJoinTokens()) {
      return;
    }
    Map<String, SequenceFlow> sourceFlows = flows(source);
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String flowId : scope.joinTokenFlows()) {
      ExecutableElement gateway = source.element(sourceFlows.get(flowId).targetId());
      String what = "a token waits at the joining " + describe(gateway) + " '" + gateway.id() + "' (it came along '" + flowId + "')";
      String gatewayTarget = mapping.get(gateway.id());
      if (gatewayTarget == null) {
        throw Rejection.invalidState(prefix + what + ", and the gateway has no mapping instruction; map it to the target's joining gateway");
      }
      ExecutableElement mappedGateway = target.element(gatewayTarget);
      if (mappedGateway.type() != gateway.type() || mappedGateway.flowScope().orElseThrow() != scopeTarget
          || mappedGateway.incoming().size() < gateway.incoming().size()) {
        throw Rejection.invalidState(prefix + what + ", and it is mapped to '" + gatewayTarget + "', which is not a " + describe(gateway)
            + " of '" + scopeTarget.id() + "' with at least " + gateway.incoming().size() + " incoming flows");
      }
      String flowTarget = mapping.get(flowId);
      if (flowTarget == null || mappedGateway.incoming().stream().noneMatch(f -> f.id().equals(flowTarget))) {
        throw Rejection.invalidState(prefix + what + ", and the flow " + (flowTarget == null ? "has no mapping instruction" : "is mapped to '"
            + flowTarget + "'") + "; map it to an incoming flow of '" + gatewayTarget + "'");
      }
      renamed.put(flowId, flowTarget);
    }
    joinFlows.put(scope.key(), renamed);
  }

  /** The sequence flows of a definition by id: a mapping instruction may name one (a flow a joining gateway's token came along). */
  private static Map<String, SequenceFlow> flows(ProcessDefinition definition) {
    Map<String, SequenceFlow> flows = new HashMap<>();
    definition.elements().values().forEach(e -> e.outgoing().forEach(f -> flows.put(f.id(), f)));
    return flows;
  }

  /**
   * Where a wait of {@code owner} for {@code catchElementId} goes: its own catch event (an
   * intermediate catch event or receive task) goes with the element; a boundary event, event
   * sub-process start or event-based gateway target goes where it is mapped, which must be a catch
   * event of the same kind that the owner's target waits for; null when it is not mapped (it closes).
   */
  private static String waitTarget(
      ElementInstance owner, ExecutableElement ownerTarget, String catchElementId, Map<String, String> mapping,
      List<ExecutableElement> targetEvents, Set<String> taken, ProcessDefinition source, ProcessDefinition target, String prefix) {
    String to = catchElementId.equals(owner.element().id()) ? ownerTarget.id() : mapping.get(catchElementId);
    if (to == null) {
      return null;
    }
    ExecutableElement from = source.element(catchElementId);
    ExecutableElement mapped = target.elements().get(to);
    if (mapped == null || !targetEvents.contains(mapped)) {
      throw Rejection.invalidState(prefix + "the catch event '" + catchElementId + "' of element '" + owner.element().id()
          + "' is mapped to '" + to + "', which is not a catch event of '" + ownerTarget.id()
          + "'; a mapping cannot detach a catch event from its element");
    }
    if (mapped.eventKind() != from.eventKind()) {
      throw Rejection.invalidState(prefix + "the " + describe(from) + " '" + catchElementId + "' is mapped to the " + describe(mapped)
          + " '" + to + "'; a catch event can only be mapped to a catch event of the same type");
    }
    if (!taken.add(to)) {
      throw Rejection.invalidState(prefix + "two catch events of element '" + owner.element().id() + "' are mapped to '" + to
          + "'; each catch event can be the target of one mapping only");
    }
    return to;
  }

  /**
   * Compensation subscriptions of completed activities move with a mapping of their activity to one
   * that has a compensation boundary event (or, for a sub-process's, to a sub-process); others close,
   * as an unmapped catch event does. One whose handler runs moves with its handler's instance.
   */
  private void compensations(
      long processInstanceKey, Map<String, String> mapping, ProcessDefinition target, Map<Long, String> elements,
      List<CompensationSubscription> moved, List<Long> closed) {
    for (CompensationSubscription s : state.compensationSubscriptions(processInstanceKey)) {
      String activity = mapping.get(s.activityId());
      ExecutableElement mapped = activity == null ? null : target.elements().get(activity);
      if (s.triggered()) {
        String handler = elements.getOrDefault(s.handlerInstanceKey(), s.handlerId());
        moved.add(new CompensationSubscription(
            s.key(), s.processInstanceKey(), mapped == null ? s.activityId() : mapped.id(), s.activityInstanceKey(), s.scopeKey(), handler,
            s.throwEventInstanceKey(), s.handlerInstanceKey()));
      } else if (mapped != null && s.handlerId() == null && mapped.type().isContainer()) {
        moved.add(new CompensationSubscription(
            s.key(), s.processInstanceKey(), mapped.id(), s.activityInstanceKey(), s.scopeKey(), null, -1, -1));
      } else if (mapped != null && s.handlerId() != null && mapped.compensationBoundaryEvent().isPresent()) {
        moved.add(new CompensationSubscription(
            s.key(), s.processInstanceKey(), mapped.id(), s.activityInstanceKey(), s.scopeKey(),
            mapped.compensationBoundaryEvent().get().compensationHandler().id(), -1, -1));
      } else {
        closed.add(s.key());
      }
    }
  }
}
