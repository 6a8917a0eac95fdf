package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Signal intermediate throw and signal end events broadcast their signal, as {@code POST /v2/signals/broadcast}
 * does, with the event's local variables (its input mappings) as the signal's variables; then the
 * event completes.
 */
final class SignalThrowEventProcessor extends ElementProcessor {

  private final EngineState state;
  private final ElementExpressions expressions;
  private final SignalCommands signals;

  SignalThrowEventProcessor(BpmnBehavior bpmn, EngineState state, ElementExpressions expressions, SignalCommands signals) {
    super(bpmn);
    this.state = state;
    this.expressions = expressions;
    this.signals = signals;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    Optional<String> evaluated = expressions.string(ctx, instance, instance.element().signalName());
    if (evaluated.isEmpty()) {
      return;
    }
    String name = evaluated.get();
    Map<String, Object> payload = new HashMap<>();
    state.localVariables(instance.key()).forEach((variable, value) -> payload.put(variable, value.value()));
    ctx.emit(new ElementActivated(instance.key()));
    signals.broadcast(ctx, name, payload, instance.process().tenantId());
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }
}
