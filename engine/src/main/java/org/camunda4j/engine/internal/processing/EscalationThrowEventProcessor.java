package org.camunda4j.engine.internal.processing;

import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Escalation intermediate throw and end events. The escalation is caught like an error, outwards
 * from the event (boundary events of enclosing sub-processes and call activities, event
 * sub-processes; a matching code before a catch-all). An interrupting catch ends the scope the
 * event is in; a non-interrupting catch, or none at all, lets the event go on: an uncaught
 * escalation is not an incident.
 */
final class EscalationThrowEventProcessor extends ElementProcessor {

  private final EngineState state;
  private final ElementExpressions expressions;
  private final ErrorBehavior catches;
  private final CatchEventBehavior catchEvents;

  EscalationThrowEventProcessor(
      BpmnBehavior bpmn, EngineState state, ElementExpressions expressions, ErrorBehavior catches, CatchEventBehavior catchEvents) {
    super(bpmn);
    this.state = state;
    this.expressions = expressions;
    this.catches = catches;
    this.catchEvents = catchEvents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance thrower) {
    Optional<String> evaluated = expressions.string(ctx, thrower, thrower.element().escalationCode());
    if (evaluated.isEmpty()) {
      return;
    }
    String code = evaluated.get();
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
