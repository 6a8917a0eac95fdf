package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.CronSchedule;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TimerSchedule;
import org.camunda4j.engine.internal.record.EngineEvent.TimerCreated;
import org.camunda4j.engine.internal.record.EngineEvent.TimerRemoved;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Timer;

/** Timers on the engine clock: catch events, boundary events, event sub-processes and process start events. */
final class TimerCommands {

  private final EngineState state;
  private final BpmnBehavior bpmn;
  private final CatchEventBehavior catchEvents;

  TimerCommands(EngineState state, BpmnBehavior bpmn, CatchEventBehavior catchEvents) {
    this.state = state;
    this.bpmn = bpmn;
    this.catchEvents = catchEvents;
  }

  /** Fires every timer due now; a cycle that has repetitions left is scheduled again. */
  void fireDue(ProcessingContext ctx) {
    for (Timer timer : state.timersDueAt(ctx.now())) {
      ctx.emit(new TimerRemoved(timer.key()));
      if (timer.ownerKey() < 0) {
        ProcessDefinition definition = state.definition(timer.processDefinitionKey()).orElseThrow();
        ExecutableElement start = definition.element(timer.catchElementId());
        bpmn.createProcessInstanceAt(ctx, definition, start, Map.of());
        repeat(ctx, timer);
      } else {
        ExecutableElement catchEvent = state.elementInstance(timer.ownerKey()).map(o -> o.process().element(timer.catchElementId())).orElse(null);
        catchEvents.trigger(ctx, timer.ownerKey(), timer.catchElementId(), Map.of(), false);
        boolean ownerWaitsOn = catchEvent != null && !catchEvent.interrupting() && state.elementInstance(timer.ownerKey()).isPresent();
        if (ownerWaitsOn) {
          repeat(ctx, timer);
        }
      }
    }
  }

  private void repeat(ProcessingContext ctx, Timer timer) {
    if (timer.repetitions() == 0 || (timer.cron() == null && timer.intervalMillis() <= 0)) {
      return;
    }
    long next = timer.cron() != null ? CronSchedule.parse(timer.cron()).next(timer.dueDate()) : timer.dueDate() + timer.intervalMillis();
    ctx.emit(
        new TimerCreated(
            new Timer(
                state.nextKey(), timer.ownerKey(), timer.catchElementId(), timer.processDefinitionKey(), timer.processInstanceKey(),
                next, timer.repetitions() < 0 ? -1 : timer.repetitions() - 1, timer.intervalMillis(), timer.cron())));
  }

  /** A newly deployed version takes over the timer start events of the versions before it. */
  void deployed(ProcessingContext ctx, ProcessDefinition definition) {
    for (Timer timer : state.timers().stream().toList()) {
      if (timer.ownerKey() < 0
          && state.definition(timer.processDefinitionKey()).map(d -> d.bpmnProcessId().equals(definition.bpmnProcessId())).orElse(false)) {
        ctx.emit(new TimerRemoved(timer.key()));
      }
    }
    for (ExecutableElement start : definition.process().children()) {
      if (!CatchEventBehavior.isProcessStart(start, EventKind.TIMER)) {
        continue;
      }
      try {
        TimerSchedule schedule = TimerSchedule.of(start.timer().kind(), catchEvents.timerText(start, Map.of()), ctx.now());
        ctx.emit(
            new TimerCreated(
                new Timer(
                    state.nextKey(), -1, start.id(), definition.key(), -1, schedule.firstDue(), schedule.repetitions(),
                    schedule.intervalMillis(), schedule.cron())));
      } catch (FeelException e) {
        // BpmnTransformer evaluated the same expression without variables when the process was deployed
        throw new IllegalStateException("timer start event '" + start.id() + "' was deployed but cannot be scheduled", e);
      }
    }
  }
}
