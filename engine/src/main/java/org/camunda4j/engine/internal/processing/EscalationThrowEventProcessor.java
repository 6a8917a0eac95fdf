package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Escalation intermediate throw and end events. The escalation is caught like an error, outwards
 * from the event (boundary events of enclosing sub-processes and call activities, event
 * sub-processes; a matching code before a catch-all). An interrupting catch ends the scope the
 * event is in; a non-interrupting catch, or none at all, lets the event go on: an uncaught
 * escalation is not an incident.
 */
final class EscalationThrowEventProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;
  private final ErrorBehavior catches;
  private final CatchEventBehavior catchEvents;

  EscalationThrowEventProcessor(
      BpmnBehavior bpmn, EngineState state, Feel feel, IncidentBehavior incidents, ErrorBehavior catches, CatchEventBehavior catchEvents) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
    this.catches = catches;
    this.catchEvents = catchEvents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance thrower) {
    String code;
    try {
      code = feel.evaluateString(thrower.element().escalationCode(), state.visibleVariables(thrower.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, thrower, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ErrorBehavior.Catch found = catches.find(thrower, EventKind.ESCALATION, code);
    if (found != null) {
      catchEvents.trigger(ctx, found.owner().key(), found.catchEvent().id(), Map.of(), false);
    }
    boolean interrupted = state.elementInstance(thrower.key()).map(i -> i.state() != ElementState.ACTIVATING).orElse(true);
    if (!interrupted) {
      passThrough(ctx, thrower);
    }
  }
}
