package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Script tasks with {@code zeebe:script}: the engine evaluates the FEEL expression and stores the
 * result in the result variable, which merges into the process like a job's variables (or stays
 * local when the task has output mappings). A failing expression raises an incident; resolving it
 * evaluates again.
 */
final class ScriptTaskProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  ScriptTaskProcessor(BpmnBehavior bpmn, EngineState state, Feel feel, VariableBehavior variables, IncidentBehavior incidents) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ExecutableElement element = instance.element();
    Object result;
    try {
      result = feel.evaluate(element.script(), state.visibleVariables(instance.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ctx.emit(new ElementActivated(instance.key()));
    Map<String, Object> output = new java.util.HashMap<>();
    output.put(element.resultVariable(), result);
    String tenantId = instance.process().tenantId();
    if (element.outputs().isEmpty()) {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), tenantId, output);
    } else {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, output);
    }
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }
}
