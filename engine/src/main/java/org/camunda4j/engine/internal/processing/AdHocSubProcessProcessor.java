package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.AdHocDefinition;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.record.EngineEvent.AdHocCompletionFulfilled;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.JobCanceled;
import org.camunda4j.engine.internal.record.EngineEvent.JobCompleted;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * Ad-hoc sub-processes. On entry the sub-process gets the local variable
 * {@code adHocSubProcessElements} (id and name of each element it can activate: those without an
 * incoming flow) and, with an output collection, that collection as an empty list.
 *
 * <p>Each activation runs in an inner instance of its own ({@link AdHocInnerInstanceProcessor}), which
 * adds its {@code outputElement} to the output collection when its flow has completed.
 *
 * <p>In the BPMN form it activates the elements its {@code activeElementsCollection} names; each time
 * an inner flow completes the completion condition is evaluated (in that flow's inner instance): once
 * it held, the sub-process completes, terminating what still runs if {@code cancelRemainingInstances};
 * without a condition it completes when everything it activated has.
 *
 * <p>In the job-worker form it creates an AD_HOC_SUB_PROCESS job on entry and again each time an
 * inner flow completes (the previous job, if still open, is canceled: one job at a time); the
 * worker's {@code adHocSubProcess} result activates elements or declares the completion condition
 * fulfilled.
 */
final class AdHocSubProcessProcessor extends ElementProcessor {

  static final String ELEMENTS_VARIABLE = "adHocSubProcessElements";

  private final EngineState state;
  private final Feel feel;
  private final ElementExpressions expressions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final JobBehavior jobs;
  private final AdHocInnerInstanceProcessor innerInstances;

  AdHocSubProcessProcessor(
      BpmnBehavior bpmn, EngineState state, Feel feel, ElementExpressions expressions, VariableBehavior variables,
      IncidentBehavior incidents, JobBehavior jobs, AdHocInnerInstanceProcessor innerInstances) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.expressions = expressions;
    this.variables = variables;
    this.incidents = incidents;
    this.jobs = jobs;
    this.innerInstances = innerInstances;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    ExecutableElement element = instance.element();
    AdHocDefinition adHoc = element.adHoc();
    List<ExecutableElement> toActivate = List.of();
    if (adHoc.activeElementsCollection() != null) {
      Optional<List<ExecutableElement>> named =
          expressions.evaluate(ctx, instance, (feel, variables) -> activeElements(element, feel.evaluate(adHoc.activeElementsCollection(), variables)));
      if (named.isEmpty()) {
        return;
      }
      toActivate = named.get();
    }
    Map<String, Object> locals = new LinkedHashMap<>();
    locals.put(ELEMENTS_VARIABLE, describe(element));
    if (adHoc.outputCollection() != null && !state.localVariables(instance.key()).containsKey(adHoc.outputCollection())) {
      locals.put(adHoc.outputCollection(), List.of());
    }
    variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), instance.process().tenantId(), locals);
    if (element.jobDefinition() != null && !jobs.createJob(ctx, instance, JobKind.AD_HOC_SUB_PROCESS)) {
      return;
    }
    ctx.emit(new ElementActivated(instance.key()));
    for (ExecutableElement target : toActivate) {
      innerInstances.activate(ctx, state.elementInstance(instance.key()).orElseThrow(), target, Map.of());
    }
  }

  /** On completion the output collection, local until now, goes to the scopes above, as output mappings would take it. */
  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    String outputCollection = instance.element().adHoc().outputCollection();
    if (outputCollection != null) {
      var collected = state.localVariables(instance.key()).get(outputCollection);
      Map<String, Object> output = new HashMap<>();
      output.put(outputCollection, collected == null ? List.of() : collected.value());
      variables.propagate(ctx, instance.flowScopeKey(), instance.processInstanceKey(), instance.process().tenantId(), output);
    }
    bpmn.leave(ctx, instance, instance.element().outgoing());
  }

  /** The elements an {@code activeElementsCollection} names: a list of ids of elements the sub-process can activate. */
  private static List<ExecutableElement> activeElements(ExecutableElement adHoc, Object value) throws FeelException {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> ids)) {
      throw new FeelException(
          "Expected the activeElementsCollection of '" + adHoc.id() + "' to give a list of element ids, but it gave '" + Feel.typeName(value) + "'");
    }
    List<ExecutableElement> elements = new ArrayList<>();
    for (Object id : ids) {
      ExecutableElement target =
          adHoc.activatableElements().stream().filter(e -> e.id().equals(id)).findFirst()
              .orElseThrow(() -> new FeelException(
                  "Expected the activeElementsCollection of '" + adHoc.id() + "' to name elements of it that can be activated "
                      + activatableIds(adHoc) + ", but it named '" + id + "'"));
      elements.add(target);
    }
    return elements;
  }

  private static List<Map<String, Object>> describe(ExecutableElement adHoc) {
    List<Map<String, Object>> elements = new ArrayList<>();
    for (ExecutableElement element : adHoc.activatableElements()) {
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("elementId", element.id());
      description.put("elementName", element.name());
      elements.add(description);
    }
    return elements;
  }

  private static List<String> activatableIds(ExecutableElement adHoc) {
    return adHoc.activatableElements().stream().map(ExecutableElement::id).toList();
  }

  /**
   * A child ended its flow: an inner instance, which evaluated the completion condition in its own
   * scope before it ended, or an event sub-process, after which the condition is evaluated here.
   */
  @Override
  void onChildLeft(ProcessingContext ctx, ElementInstance scope, ElementInstance child, List<SequenceFlow> flows) {
    if (!flows.isEmpty()) {
      return;
    }
    if (child.isAdHocInnerInstance() || evaluateCompletionCondition(ctx, scope, scope)) {
      flowCompleted(ctx, scope.key());
    }
  }

  /**
   * Evaluates the BPMN form's completion condition in the variables of {@code context} (the inner
   * instance whose flow completes, so it sees what that flow wrote, or the sub-process itself) and
   * records that it holds. Once it held it is not evaluated again.
   *
   * @return false when it failed: a CONDITION_ERROR incident on {@code context}, whose resolution
   *     runs {@link #resumeCompletionCondition}
   */
  boolean evaluateCompletionCondition(ProcessingContext ctx, ElementInstance adHoc, ElementInstance context) {
    AdHocDefinition definition = adHoc.element().adHoc();
    if (adHoc.element().jobDefinition() != null || definition.completionCondition() == null || adHoc.adHocCompletionFulfilled()) {
      return true;
    }
    boolean fulfilled;
    try {
      fulfilled = feel.evaluateBoolean(definition.completionCondition(), state.visibleVariables(context.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, context, "CONDITION_ERROR", e.getMessage(), IncidentStep.AD_HOC_COMPLETION_CONDITION);
      return false;
    }
    if (fulfilled) {
      ctx.emit(new AdHocCompletionFulfilled(adHoc.key()));
    }
    return true;
  }

  /** Resolving a completion-condition incident evaluates the condition again where it failed, and goes on from there. */
  void resumeCompletionCondition(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null) {
      return;
    }
    if (instance.isAdHocInnerInstance()) {
      innerInstances.finishFlow(ctx, instance);
    } else if (instance.state() == ElementState.ACTIVATED && evaluateCompletionCondition(ctx, instance, instance)) {
      flowCompleted(ctx, key);
    }
  }

  /**
   * An inner flow completed, the completion condition evaluated: complete when it held (or, without
   * one, when nothing runs any more); in the job-worker form, the worker decides through a new job.
   */
  private void flowCompleted(ProcessingContext ctx, long key) {
    ElementInstance adHoc = state.elementInstance(key).orElse(null);
    if (adHoc == null || adHoc.state() != ElementState.ACTIVATED) {
      return;
    }
    AdHocDefinition definition = adHoc.element().adHoc();
    if (adHoc.element().jobDefinition() != null) {
      if (adHoc.adHocCompletionFulfilled()) {
        bpmn.completeScopeIfDone(ctx, adHoc);
      } else {
        if (adHoc.jobKey() >= 0) {
          ctx.emit(new JobCanceled(adHoc.jobKey(), ctx.now()));
        }
        jobs.createJob(ctx, state.elementInstance(key).orElseThrow(), JobKind.AD_HOC_SUB_PROCESS);
      }
      return;
    }
    if (definition.completionCondition() == null) {
      bpmn.completeScopeIfDone(ctx, adHoc);
    } else if (adHoc.adHocCompletionFulfilled()) {
      finish(ctx, adHoc, definition.cancelRemainingInstances());
    }
  }

  /** The completion condition holds: complete now (terminating what runs) or once the last inner element has. */
  private void finish(ProcessingContext ctx, ElementInstance adHoc, boolean cancelRemaining) {
    if (!adHoc.adHocCompletionFulfilled()) {
      ctx.emit(new AdHocCompletionFulfilled(adHoc.key()));
    }
    if (cancelRemaining) {
      for (ElementInstance child : state.children(adHoc.key())) {
        bpmn.terminate(ctx, child.key());
      }
      ctx.followUp(() -> bpmn.complete(ctx, adHoc.key()));
      return;
    }
    bpmn.completeScopeIfDone(ctx, adHoc);
  }

  /**
   * The scope to activate something in below {@code scope}: a new inner instance when {@code scope}
   * is an ad-hoc sub-process (instance modification activates inside it), else {@code scope} itself.
   */
  ElementInstance activationScope(ProcessingContext ctx, ElementInstance scope) {
    boolean adHoc = scope.element().type() == ElementType.AD_HOC_SUB_PROCESS && !scope.isAdHocInnerInstance() && !scope.isMultiInstanceBody();
    return adHoc ? innerInstances.create(ctx, scope) : scope;
  }

  /**
   * Checks an activation against the sub-process before anything happens: each element must be one
   * it can activate, and a fulfilled completion condition activates nothing.
   */
  void check(ElementInstance adHoc, AdHocActivation activation, String what) {
    if (activation.completionConditionFulfilled() && !activation.elements().isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to " + what + ", but it both activates elements and declares the completion condition fulfilled; do one or the other");
    }
    for (AdHocActivation.Element element : activation.elements()) {
      boolean known = adHoc.element().activatableElements().stream().anyMatch(e -> e.id().equals(element.elementId()));
      if (!known) {
        throw Rejection.invalidArgument(
            "Expected to " + what + ", but the element '" + element.elementId() + "' is not one the ad-hoc sub-process '"
                + adHoc.element().id() + "' can activate " + activatableIds(adHoc.element()));
      }
    }
  }

  /** A worker completed the sub-process's job with a result: its variables go on the sub-process, then its instructions apply. */
  void jobCompleted(ProcessingContext ctx, Job job, Map<String, Object> completionVariables, AdHocActivation activation) {
    ElementInstance adHoc = state.elementInstance(job.elementInstanceKey()).orElseThrow();
    check(adHoc, activation, "complete job with key '" + job.key() + "'");
    ctx.emit(new JobCompleted(job.key(), ctx.now()));
    variables.setLocal(ctx, adHoc.key(), adHoc.processInstanceKey(), job.tenantId(), completionVariables);
    apply(ctx, adHoc, activation);
  }

  /**
   * Activates the elements of an activation, each in an inner instance holding its variables; a
   * fulfilled completion condition finishes the sub-process.
   */
  void apply(ProcessingContext ctx, ElementInstance adHoc, AdHocActivation activation) {
    if (activation.completionConditionFulfilled()) {
      finish(ctx, adHoc, activation.cancelRemainingInstances());
      return;
    }
    if (activation.cancelRemainingInstances()) {
      for (ElementInstance child : state.children(adHoc.key())) {
        bpmn.terminate(ctx, child.key());
      }
    }
    for (AdHocActivation.Element element : activation.elements()) {
      ExecutableElement target = adHoc.process().element(element.elementId());
      innerInstances.activate(ctx, state.elementInstance(adHoc.key()).orElseThrow(), target, element.variables());
    }
  }
}
