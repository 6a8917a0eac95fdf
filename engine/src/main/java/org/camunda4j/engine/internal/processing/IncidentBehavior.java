package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.IncidentCreated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.JobKind;

/** Raises incidents on elements and jobs. */
final class IncidentBehavior {

  private final EngineState state;

  IncidentBehavior(EngineState state) {
    this.state = state;
  }

  void raiseOnElement(ProcessingContext ctx, ElementInstance instance, String errorType, String message, IncidentStep step) {
    ctx.emit(
        new IncidentCreated(
            new Incident(
                state.nextKey(), errorType, message, instance.key(), instance.element().id(), instance.processInstanceKey(),
                instance.process().key(), instance.process().bpmnProcessId(), -1, instance.process().tenantId(), ctx.now(), step,
                "ACTIVE")));
  }

  void raiseOnJob(ProcessingContext ctx, Job job, String errorType, String message) {
    ctx.emit(
        new IncidentCreated(
            new Incident(
                state.nextKey(), errorType, message, job.elementInstanceKey(), job.elementId(), job.processInstanceKey(),
                job.processDefinitionKey(), job.processDefinitionId(), job.key(), job.tenantId(), ctx.now(), IncidentStep.JOB,
                "ACTIVE")));
  }

  /** The incident type for a job that ran out of retries depends on what kind of job it is. */
  static String noRetriesType(JobKind kind) {
    return switch (kind) {
      case BPMN_ELEMENT -> "JOB_NO_RETRIES";
      case EXECUTION_LISTENER -> "EXECUTION_LISTENER_NO_RETRIES";
      case TASK_LISTENER -> "TASK_LISTENER_NO_RETRIES";
      case AD_HOC_SUB_PROCESS -> "AD_HOC_SUB_PROCESS_NO_RETRIES";
    };
  }
}
