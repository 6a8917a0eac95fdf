package org.camunda4j.engine.internal.processing;

import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.ElementInstance;

/**
 * Script tasks with {@code zeebe:script}: the engine evaluates the FEEL expression and stores the
 * result in the result variable, which merges into the process like a job's variables (or stays
 * local when the task has output mappings). A failing expression raises an incident; resolving it
 * evaluates again.
 */
final class ScriptTaskProcessor extends ElementProcessor {

  private final ElementExpressions expressions;
  private final VariableBehavior variables;

  ScriptTaskProcessor(BpmnBehavior bpmn, ElementExpressions expressions, VariableBehavior variables) {
    super(bpmn);
    this.expressions = expressions;
    this.variables = variables;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ExecutableElement element = instance.element();
    Optional<ElementExpressions.Value> result = expressions.value(ctx, instance, element.script());
    if (result.isEmpty()) {
      return;
    }
    ctx.emit(new ElementActivated(instance.key()));
    Map<String, Object> output = new java.util.HashMap<>();
    output.put(element.resultVariable(), result.get().value());
    String tenantId = instance.process().tenantId();
    if (element.outputs().isEmpty()) {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), tenantId, output);
    } else {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, output);
    }
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }
}
