package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.IncidentStep;

/** Error end events throw their error; nothing catching it leaves an incident on the end event. */
final class ErrorEndEventProcessor extends ElementProcessor {

  private final ErrorBehavior errors;
  private final IncidentBehavior incidents;

  ErrorEndEventProcessor(BpmnBehavior bpmn, ErrorBehavior errors, IncidentBehavior incidents) {
    super(bpmn);
    this.errors = errors;
    this.incidents = incidents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance endEvent) {
    String code = endEvent.element().errorCode();
    ErrorBehavior.Catch found = errors.find(endEvent, code);
    if (found == null) {
      incidents.raiseOnElement(
          ctx, endEvent, "UNHANDLED_ERROR_EVENT", ErrorBehavior.uncaughtMessage(code, null), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    errors.trigger(ctx, found, Map.of());
  }
}
