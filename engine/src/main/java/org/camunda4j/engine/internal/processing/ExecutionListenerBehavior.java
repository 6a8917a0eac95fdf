package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ExecutionListener;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ExecutionListenerCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.JobCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.JobCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * Execution listeners (engine-semantics §2.6): EXECUTION_LISTENER jobs that hold their element,
 * one after another in model order. Start listeners run after input mappings and their variables
 * stay local; end listeners run after output mappings and their variables propagate outwards.
 */
final class ExecutionListenerBehavior {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private BpmnBehavior bpmn;

  ExecutionListenerBehavior(EngineState state, Feel feel, VariableBehavior variables, IncidentBehavior incidents) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  void bind(BpmnBehavior bpmn) {
    this.bpmn = bpmn;
  }

  /** Creates the next pending start listener's job; true while the element must wait for one. */
  boolean awaitStartListener(ProcessingContext ctx, ElementInstance instance) {
    List<ExecutionListener> listeners = instance.element().executionListeners(ExecutionListener.EventType.START);
    return next(ctx, instance, listeners, instance.startListenersDone(), "START", IncidentStep.ACTIVATE_ELEMENT);
  }

  /** Creates the next pending end listener's job; true while the element must wait for one. */
  boolean awaitEndListener(ProcessingContext ctx, ElementInstance instance) {
    List<ExecutionListener> listeners = instance.element().executionListeners(ExecutionListener.EventType.END);
    return next(ctx, instance, listeners, instance.endListenersDone(), "END", IncidentStep.COMPLETE_ELEMENT);
  }

  private boolean next(
      ProcessingContext ctx, ElementInstance instance, List<ExecutionListener> listeners, int done, String eventType,
      IncidentStep retryStep) {
    if (done >= listeners.size()) {
      return false;
    }
    ExecutionListener listener = listeners.get(done);
    Map<String, Object> context = state.visibleVariables(instance.key());
    String type;
    long retries;
    try {
      type = feel.evaluateString(listener.type(), context);
      retries = feel.evaluateLong(listener.retries(), context);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), retryStep);
      return true;
    }
    ProcessDefinition process = instance.process();
    ctx.emit(
        new JobCreated(
            state.nextKey(), type, (int) retries, Map.of(), instance.key(), instance.element().id(), instance.processInstanceKey(),
            process.key(), process.bpmnProcessId(), process.version(), process.tenantId(), JobKind.EXECUTION_LISTENER, eventType,
            ctx.now()));
    ctx.jobsAvailable(type);
    return true;
  }

  /** A listener job completed: keep its variables where they belong and let the element go on. */
  void listenerCompleted(ProcessingContext ctx, Job job, Map<String, Object> completionVariables) {
    ElementInstance instance = state.elementInstance(job.elementInstanceKey()).orElseThrow();
    boolean start = "START".equals(job.listenerEventType());
    ctx.emit(new JobCompleted(job.key(), ctx.now()));
    ctx.emit(new ExecutionListenerCompleted(instance.key(), start));
    String tenantId = instance.process().tenantId();
    if (start) {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, completionVariables);
      ctx.followUp(() -> bpmn.continueActivation(ctx, instance.key()));
    } else {
      long from = instance.flowScopeKey() >= 0 ? instance.flowScopeKey() : instance.key();
      variables.propagate(ctx, from, instance.processInstanceKey(), tenantId, completionVariables);
      ctx.followUp(() -> bpmn.finishCompletion(ctx, instance.key()));
    }
  }
}
