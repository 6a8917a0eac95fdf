package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.AdHocDefinition;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * The inner instance an ad-hoc sub-process wraps each activation in, as 8.9 does
 * (AD_HOC_SUB_PROCESS_INNER_INSTANCE): it carries the sub-process's element, holds the variables the
 * activation gave, and keeps what the activated elements write (variables propagate no further, see
 * {@link EngineState#propagationScope}), so parallel activations of one element do not overwrite each
 * other. It completes when its flow has; its {@code outputElement}, evaluated in it, then joins the
 * sub-process's output collection.
 */
final class AdHocInnerInstanceProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;

  AdHocInnerInstanceProcessor(BpmnBehavior bpmn, EngineState state, Feel feel, VariableBehavior variables, IncidentBehavior incidents) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  /** Activates {@code target} in a new inner instance of {@code adHoc} that holds {@code activationVariables}. */
  void activate(ProcessingContext ctx, ElementInstance adHoc, ExecutableElement target, Map<String, Object> activationVariables) {
    ElementInstance inner = create(ctx, adHoc);
    variables.setLocal(ctx, inner.key(), adHoc.processInstanceKey(), adHoc.process().tenantId(), activationVariables);
    bpmn.activateElement(ctx, inner, target, 0);
  }

  /** A new, active inner instance of {@code adHoc}, for one activation. */
  ElementInstance create(ProcessingContext ctx, ElementInstance adHoc) {
    long key = bpmn.activateDirectly(ctx, adHoc, adHoc.element(), 0);
    return state.elementInstance(key).orElseThrow();
  }

  /** Created already active by {@link #activate}; nothing to do on activation. */
  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {}

  /**
   * Its flow ended: its output joins the collection (resolving a failure here runs this again), then
   * {@link #finishFlow}.
   */
  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    ElementInstance adHoc = state.elementInstance(instance.flowScopeKey()).orElseThrow();
    try {
      collectOutput(ctx, instance, adHoc, adHoc.element().adHoc());
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
      return;
    }
    finishFlow(ctx, instance);
  }

  /**
   * The sub-process's completion condition is evaluated while this instance's variables still exist,
   * then it ends. Resolving a failed condition runs this again, so the output is collected once.
   */
  void finishFlow(ProcessingContext ctx, ElementInstance instance) {
    if (instance.state() != ElementState.COMPLETING) {
      return;
    }
    ElementInstance adHoc = state.elementInstance(instance.flowScopeKey()).orElseThrow();
    if (bpmn.adHocSubProcesses().evaluateCompletionCondition(ctx, adHoc, instance)) {
      bpmn.leave(ctx, instance, List.of());
    }
  }

  private void collectOutput(ProcessingContext ctx, ElementInstance inner, ElementInstance adHoc, AdHocDefinition definition)
      throws FeelException {
    if (definition.outputCollection() == null || definition.outputElement() == null) {
      return;
    }
    Object output = feel.evaluate(definition.outputElement(), state.visibleVariables(inner.key()));
    var current = state.localVariables(adHoc.key()).get(definition.outputCollection());
    List<Object> collected = new ArrayList<>();
    if (current != null && current.value() instanceof List<?> list) {
      collected.addAll(list);
    }
    collected.add(output);
    Map<String, Object> update = new HashMap<>();
    update.put(definition.outputCollection(), collected);
    variables.setLocal(ctx, adHoc.key(), adHoc.processInstanceKey(), adHoc.process().tenantId(), update);
  }
}
