package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.record.EngineEvent.IncidentResolved;
import org.camunda4j.engine.internal.record.EngineEvent.JobReactivated;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.Job;

/** Resolving incidents: a job incident gives the job back; any other runs the failed step again. */
final class IncidentCommands {

  private final EngineState state;
  private final BpmnBehavior bpmn;

  IncidentCommands(EngineState state, BpmnBehavior bpmn) {
    this.state = state;
    this.bpmn = bpmn;
  }

  void resolve(ProcessingContext ctx, long key) {
    Incident incident =
        state
            .incident(key)
            .filter(Incident::isActive)
            .orElseThrow(() -> Rejection.notFound("Expected to resolve incident with key '" + key + "', but no such incident was found"));
    switch (incident.step()) {
      case JOB -> {
        Job job = state.job(incident.jobKey()).orElseThrow();
        if (job.retries() <= 0) {
          throw Rejection.invalidState(
              "Expected to resolve incident with key '" + key + "', but job with key '" + job.key()
                  + "' has no retries left. Please update the job retries and retry resolving the incident");
        }
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.emit(new JobReactivated(job.key(), ctx.now()));
        ctx.jobsAvailable(job.type());
      }
      case ACTIVATE_ELEMENT -> {
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.followUp(() -> bpmn.activate(ctx, incident.elementInstanceKey()));
      }
      case COMPLETE_ELEMENT -> {
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.followUp(() -> bpmn.complete(ctx, incident.elementInstanceKey()));
      }
      case EVALUATE_CONDITIONS -> {
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.followUp(() -> bpmn.evaluateConditions(ctx, incident.elementInstanceKey()));
      }
      case AD_HOC_COMPLETION_CONDITION -> {
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.followUp(() -> bpmn.adHocSubProcesses().resumeCompletionCondition(ctx, incident.elementInstanceKey()));
      }
      // --- user tasks
      case USER_TASK_LISTENER -> {
        ctx.emit(new IncidentResolved(key, ctx.now()));
        ctx.followUp(() -> bpmn.resumeUserTaskListeners(ctx, incident.elementInstanceKey()));
      }
    }
  }
}
