package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Signal intermediate throw and signal end events broadcast their signal, as {@code POST /v2/signals/broadcast}
 * does, with the event's local variables (its input mappings) as the signal's variables; then the
 * event completes.
 */
final class SignalThrowEventProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;
  private final SignalCommands signals;

  SignalThrowEventProcessor(BpmnBehavior bpmn, EngineState state, Feel feel, IncidentBehavior incidents, SignalCommands signals) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
    this.signals = signals;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    String name;
    try {
      name = feel.evaluateString(instance.element().signalName(), state.visibleVariables(instance.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    Map<String, Object> payload = new HashMap<>();
    state.localVariables(instance.key()).forEach((variable, value) -> payload.put(variable, value.value()));
    ctx.emit(new ElementActivated(instance.key()));
    signals.broadcast(ctx, name, payload);
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }
}
