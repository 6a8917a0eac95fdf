package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivating;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Call activities start the latest version of the called process as a child instance and complete
 * when it does, taking its variables back.
 */
final class CallActivityProcessor extends ElementProcessor {

  private final EngineState state;
  private final ElementExpressions expressions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  CallActivityProcessor(
      BpmnBehavior bpmn, EngineState state, ElementExpressions expressions, VariableBehavior variables, IncidentBehavior incidents) {
    super(bpmn);
    this.state = state;
    this.expressions = expressions;
    this.variables = variables;
    this.incidents = incidents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance call) {
    ExecutableElement element = call.element();
    Optional<String> evaluated = expressions.string(ctx, call, element.calledProcessId());
    if (evaluated.isEmpty()) {
      return;
    }
    String processId = evaluated.get();
    ProcessDefinition definition = state.latestDefinition(processId, call.process().tenantId()).orElse(null);
    if (definition == null || definition.process().noneStartEvent().isEmpty()) {
      incidents.raiseOnElement(
          ctx, call, "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '" + processId + "' to be deployed, but not found.", IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ctx.emit(new ElementActivated(call.key()));
    Map<String, Object> input = new HashMap<>();
    if (element.propagateAllParentVariables()) {
      input.putAll(state.visibleVariables(call.key()));
      // a multi-instance body's bookkeeping (output collection, counters) is not the child's business,
      // and a copy coming back would overwrite what other inner instances collected meanwhile
      state.elementInstance(call.flowScopeKey())
          .filter(scope -> scope.isMultiInstanceBody() && scope.element() == element)
          .ifPresent(body -> state.localVariables(body.key()).keySet().forEach(input::remove));
    } else {
      state.localVariables(call.key()).forEach((name, variable) -> input.put(name, variable.value()));
    }
    long root = state.processInstance(call.processInstanceKey()).map(p -> p.rootProcessInstanceKey()).orElse(call.processInstanceKey());
    long key = state.nextKey();
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), List.of(), null, call.processInstanceKey(), call.key(), root, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0, ctx.now()));
    variables.setLocal(ctx, key, key, definition.tenantId(), input);
    ctx.followUp(() -> bpmn.activate(ctx, key));
  }

  /** The called instance ends with its caller. */
  @Override
  boolean onTerminate(ProcessingContext ctx, ElementInstance call) {
    if (call.calledInstanceKey() >= 0 && state.elementInstance(call.calledInstanceKey()).isPresent()) {
      bpmn.terminate(ctx, call.calledInstanceKey());
    }
    return false;
  }

  /** A called child completed: its variables come back to the call activity, which completes. */
  void returnToCaller(ProcessingContext ctx, long parentElementInstanceKey, Map<String, Object> childVariables) {
    ElementInstance call = state.elementInstance(parentElementInstanceKey).orElse(null);
    if (call == null || call.state() != ElementState.ACTIVATED) {
      return;
    }
    ExecutableElement element = call.element();
    String tenantId = call.process().tenantId();
    if (element.propagateAllChildVariables() && element.outputs().isEmpty()) {
      variables.propagate(ctx, call.key(), call.processInstanceKey(), tenantId, childVariables);
    } else {
      variables.setLocal(ctx, call.key(), call.processInstanceKey(), tenantId, childVariables);
    }
    ctx.followUp(() -> bpmn.complete(ctx, call.key()));
  }
}
