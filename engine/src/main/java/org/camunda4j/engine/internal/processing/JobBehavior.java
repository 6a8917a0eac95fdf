package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.JobDefinition;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.JobCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * Elements whose work is done by a job worker: the element creates a job from its
 * {@code zeebe:taskDefinition} and waits; completing the job completes the element.
 */
final class JobBehavior {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;

  JobBehavior(EngineState state, Feel feel, IncidentBehavior incidents) {
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  /** Creates the element's job and activates the element; a failing type or retries expression raises an incident. */
  void createJob(ProcessingContext ctx, ElementInstance instance) {
    JobDefinition definition = instance.element().jobDefinition();
    Map<String, Object> context = state.visibleVariables(instance.key());
    String type;
    long retries;
    try {
      type = feel.evaluateString(definition.type(), context);
      retries = feel.evaluateLong(definition.retries(), context);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ProcessDefinition process = instance.process();
    ctx.emit(
        new JobCreated(
            state.nextKey(), type, (int) retries, definition.headers(), instance.key(), instance.element().id(),
            instance.processInstanceKey(), process.key(), process.bpmnProcessId(), process.version(), process.tenantId(),
            JobKind.BPMN_ELEMENT, "UNSPECIFIED", ctx.now()));
    ctx.emit(new ElementActivated(instance.key()));
    ctx.jobsAvailable(type);
  }
}
