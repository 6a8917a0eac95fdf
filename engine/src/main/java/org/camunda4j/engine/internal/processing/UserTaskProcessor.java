package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.state.ElementInstance;

/** Camunda user tasks: creating and canceling run the task's transitions and their listeners. */
final class UserTaskProcessor extends ElementProcessor {

  private final UserTaskBehavior userTasks;

  UserTaskProcessor(BpmnBehavior bpmn, UserTaskBehavior userTasks) {
    super(bpmn);
    this.userTasks = userTasks;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    userTasks.create(ctx, instance);
  }

  /** Canceling listeners hold the element in TERMINATING; the last one finishes it. */
  @Override
  boolean onTerminate(ProcessingContext ctx, ElementInstance instance) {
    return userTasks.cancel(ctx, instance);
  }
}
