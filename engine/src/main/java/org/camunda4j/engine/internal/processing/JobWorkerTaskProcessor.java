package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.ElementInstance;

/** Service tasks, and send, script and business rule tasks in their job-worker form: a job for a worker. */
final class JobWorkerTaskProcessor extends ElementProcessor {

  private final JobBehavior jobs;

  JobWorkerTaskProcessor(BpmnBehavior bpmn, JobBehavior jobs) {
    super(bpmn);
    this.jobs = jobs;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    jobs.createJob(ctx, instance);
  }
}
