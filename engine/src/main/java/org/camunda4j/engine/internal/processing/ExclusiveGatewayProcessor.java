package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Exclusive gateways: the first outgoing flow, in model order, whose condition is true; else the
 * default flow; else an incident.
 */
final class ExclusiveGatewayProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;

  ExclusiveGatewayProcessor(BpmnBehavior bpmn, EngineState state, Feel feel, IncidentBehavior incidents) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    passThrough(ctx, instance);
  }

  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    ExecutableElement element = instance.element();
    SequenceFlow chosen;
    try {
      chosen = chooseFlow(element, state.visibleVariables(instance.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "CONDITION_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
      return;
    }
    if (chosen == null && !element.outgoing().isEmpty()) {
      incidents.raiseOnElement(
          ctx, instance, "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow", IncidentStep.COMPLETE_ELEMENT);
      return;
    }
    bpmn.leave(ctx, instance, chosen == null ? List.of() : List.of(chosen));
  }

  private SequenceFlow chooseFlow(ExecutableElement gateway, Map<String, Object> context) throws FeelException {
    SequenceFlow defaultFlow = null;
    for (SequenceFlow flow : gateway.outgoing()) {
      if (gateway.defaultFlowId().filter(flow.id()::equals).isPresent()) {
        defaultFlow = flow;
      } else if (!flow.hasCondition() || feel.evaluateBoolean(flow.condition(), context)) {
        return flow;
      }
    }
    return defaultFlow;
  }
}
