package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.model.TimerSchedule;
import org.camunda4j.engine.internal.record.EngineEvent.CatchSubscriptionsClosed;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleting;
import org.camunda4j.engine.internal.record.EngineEvent.MessageSubscriptionOpened;
import org.camunda4j.engine.internal.record.EngineEvent.SignalSubscriptionOpened;
import org.camunda4j.engine.internal.record.EngineEvent.TimerCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.MessageSubscription;
import org.camunda4j.engine.internal.state.SignalSubscription;
import org.camunda4j.engine.internal.state.Timer;

/**
 * Waiting for messages, timers and signals, and what happens when one arrives.
 *
 * <p>An element instance that waits is the <em>owner</em> of its subscriptions: the catch event or
 * receive task itself, the activity its boundary events are attached to, the container of an
 * event sub-process, or an event-based gateway. Subscriptions close when their owner ends.
 */
final class CatchEventBehavior {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private BpmnBehavior bpmn;

  CatchEventBehavior(EngineState state, Feel feel, VariableBehavior variables) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
  }

  void bind(BpmnBehavior bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * The events an element instance waits for once it is active. A multi-instance body waits only for
   * the activity's boundary events; its inner instances wait for everything else. An ad-hoc
   * sub-process's inner instance waits for nothing: the sub-process owns its events.
   */
  List<ExecutableElement> catchEventsOf(ElementInstance owner) {
    if (owner.isAdHocInnerInstance()) {
      return List.of();
    }
    return catchEventsOf(owner.element(), owner.isMultiInstanceBody(), isInnerInstance(owner));
  }

  /** Whether the instance is one of a multi-instance body's inner instances. */
  boolean isInnerInstance(ElementInstance instance) {
    return state.elementInstance(instance.flowScopeKey()).map(s -> s.isMultiInstanceBody() && s.element() == instance.element()).orElse(false);
  }

  /** The events an instance of {@code element} waits for, as a multi-instance {@code body}, an {@code inner} instance or neither. */
  List<ExecutableElement> catchEventsOf(ExecutableElement element, boolean body, boolean inner) {
    if (body) {
      return element.boundaryEvents().stream().filter(ExecutableElement::isWaitingEvent).toList();
    }
    List<ExecutableElement> events = new ArrayList<>();
    switch (element.type()) {
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK -> events.add(element);
      case EVENT_BASED_GATEWAY -> {
        for (SequenceFlow flow : element.outgoing()) {
          events.add(element.flowScope().orElseThrow().children().stream().filter(c -> c.id().equals(flow.targetId())).findFirst().orElseThrow());
        }
      }
      default -> {}
    }
    if (!inner) {
      for (ExecutableElement boundary : element.boundaryEvents()) {
        if (boundary.isWaitingEvent()) {
          events.add(boundary);
        }
      }
    }
    for (ExecutableElement eventSubProcess : element.eventSubProcesses()) {
      eventSubProcess.eventSubProcessStart().filter(ExecutableElement::isWaitingEvent).ifPresent(events::add);
    }
    return events;
  }

  /**
   * Opens the subscriptions of {@code owner}. Everything is evaluated before anything is opened, so
   * a failing expression leaves nothing half-open; it comes back as the exception.
   *
   * @return the message subscriptions opened, to be offered buffered messages once the owner is active
   */
  List<MessageSubscription> open(ProcessingContext ctx, ElementInstance owner) throws FeelException {
    return open(ctx, owner, catchEventsOf(owner));
  }

  /** Opens the subscriptions of {@code owner} for {@code events} only (a migration keeps the others). */
  List<MessageSubscription> open(ProcessingContext ctx, ElementInstance owner, List<ExecutableElement> events) throws FeelException {
    if (events.isEmpty()) {
      return List.of();
    }
    Map<String, Object> context = state.visibleVariables(owner.key());
    List<Runnable> openings = new ArrayList<>();
    List<MessageSubscription> messages = new ArrayList<>();
    for (ExecutableElement event : events) {
      switch (event.eventKind()) {
        case MESSAGE -> {
          String name = feel.evaluateString(event.message().name(), context);
          String correlationKey = correlationKey(event, context);
          MessageSubscription subscription =
              new MessageSubscription(
                  state.nextKey(), owner.key(), event.id(), owner.processInstanceKey(), owner.process().bpmnProcessId(), name,
                  correlationKey, owner.process().tenantId());
          messages.add(subscription);
          openings.add(() -> ctx.emit(new MessageSubscriptionOpened(subscription, ctx.now())));
        }
        case TIMER -> {
          TimerSchedule schedule =
              TimerSchedule.of(event.timer().kind(), timerText(event, context), ctx.now());
          Timer timer =
              new Timer(
                  state.nextKey(), owner.key(), event.id(), owner.process().key(), owner.processInstanceKey(), schedule.firstDue(),
                  schedule.repetitions(), schedule.intervalMillis(), schedule.cron());
          openings.add(() -> ctx.emit(new TimerCreated(timer)));
        }
        case SIGNAL -> {
          String name = feel.evaluateString(event.signalName(), context);
          SignalSubscription subscription = new SignalSubscription(state.nextKey(), owner.key(), event.id(), owner.processInstanceKey(), name);
          openings.add(() -> ctx.emit(new SignalSubscriptionOpened(subscription)));
        }
        default -> {}
      }
    }
    openings.forEach(Runnable::run);
    return messages;
  }

  private String correlationKey(ExecutableElement event, Map<String, Object> context) throws FeelException {
    Object value = feel.evaluate(event.message().correlationKey(), context);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    throw new FeelException(
        "Failed to extract the correlation key for '" + event.message().correlationKey().source()
            + "': The value must be either a string or a number, but was '" + (value == null ? "NULL" : value.getClass().getSimpleName()) + "'.");
  }

  String timerText(ExecutableElement event, Map<String, Object> context) throws FeelException {
    Object value = feel.evaluate(event.timer().expression(), context);
    if (value == null) {
      throw new FeelException("Expected the timer expression '" + event.timer().expression().source() + "' to give a date, duration or cycle, but it gave null");
    }
    return value.toString();
  }

  /**
   * Something {@code owner} waited for arrived at {@code catchElementId}. Error variables stay local
   * to the catch event; message and signal variables propagate like a job's, unless the catch event
   * has output mappings.
   */
  void trigger(ProcessingContext ctx, long ownerKey, String catchElementId, Map<String, Object> payload, boolean localVariables) {
    ElementInstance owner = state.elementInstance(ownerKey).orElse(null);
    if (owner == null || owner.state() != ElementState.ACTIVATED) {
      return;
    }
    ExecutableElement catchEvent = owner.process().element(catchElementId);
    if (catchEvent == owner.element()) {
      // an intermediate catch event or receive task: it completes with the payload, and is completing
      // before the payload is set, so its own conditional boundary events do not react to it
      ctx.emit(new ElementCompleting(owner.key()));
      setVariables(ctx, owner, catchEvent, payload, localVariables);
      ctx.followUp(() -> bpmn.complete(ctx, owner.key()));
    } else if (owner.element().type() == ElementType.EVENT_BASED_GATEWAY) {
      ctx.emit(new ElementCompleting(owner.key()));
      ctx.emit(new ElementCompleted(owner.key(), ctx.now()));
      ElementInstance scope = state.elementInstance(owner.flowScopeKey()).orElseThrow();
      SequenceFlow flow = owner.element().outgoing().stream().filter(f -> f.targetId().equals(catchElementId)).findFirst().orElseThrow();
      ctx.emit(new org.camunda4j.engine.internal.record.EngineEvent.SequenceFlowTaken(scope.key(), flow.id(), false));
      activateTriggered(ctx, scope, catchEvent, 1, payload, localVariables);
    } else if (catchEvent.type() == ElementType.BOUNDARY_EVENT) {
      ElementInstance scope = state.elementInstance(owner.flowScopeKey()).orElseThrow();
      if (catchEvent.interrupting()) {
        bpmn.terminate(ctx, owner.key());
      }
      activateTriggered(ctx, state.elementInstance(scope.key()).orElseThrow(), catchEvent, 0, payload, localVariables);
    } else {
      // the start event of an event sub-process inside the owner
      ExecutableElement eventSubProcess = catchEvent.flowScope().orElseThrow();
      if (catchEvent.interrupting()) {
        ctx.emit(new CatchSubscriptionsClosed(owner.key(), ctx.now()));
        for (ElementInstance child : state.children(owner.key())) {
          bpmn.terminate(ctx, child.key());
        }
      }
      ElementInstance container = state.elementInstance(owner.key()).orElseThrow();
      long key = bpmn.activateDirectly(ctx, container, eventSubProcess, 0);
      activateTriggered(ctx, state.elementInstance(key).orElseThrow(), catchEvent, 0, payload, localVariables);
    }
  }

  /** Activates a catch event that was already triggered: it takes the payload and completes at once. */
  private void activateTriggered(
      ProcessingContext ctx, ElementInstance scope, ExecutableElement catchEvent, int consumedFlows, Map<String, Object> payload,
      boolean localVariables) {
    long key = bpmn.activateDirectly(ctx, scope, catchEvent, consumedFlows);
    ElementInstance instance = state.elementInstance(key).orElseThrow();
    setVariables(ctx, instance, catchEvent, payload, localVariables);
    ctx.followUp(() -> bpmn.complete(ctx, key));
  }

  private void setVariables(
      ProcessingContext ctx, ElementInstance instance, ExecutableElement catchEvent, Map<String, Object> payload, boolean local) {
    if (payload == null || payload.isEmpty()) {
      return;
    }
    String tenantId = instance.process().tenantId();
    if (local || !catchEvent.outputs().isEmpty()) {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, payload);
    } else {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), tenantId, payload);
    }
  }

  /** Whether the event is a message start event of a process (not of an event sub-process). */
  static boolean isProcessStart(ExecutableElement element, EventKind kind) {
    return element.type() == ElementType.START_EVENT
        && element.eventKind() == kind
        && element.flowScope().map(s -> s.type() == ElementType.PROCESS).orElse(false);
  }
}
