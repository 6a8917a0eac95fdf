package org.camunda4j.engine.internal.model;

/**
 * The user-task lifecycle events a task listener can listen to. The name of each constant is the
 * {@code listenerEventType} of the listener's job.
 */
public enum TaskListenerEventType {
  CREATING,
  ASSIGNING,
  UPDATING,
  COMPLETING,
  CANCELING;

  /** Only these transitions can be stopped by a listener; creation and cancellation always go on. */
  public boolean canBeDenied() {
    return this == ASSIGNING || this == UPDATING || this == COMPLETING;
  }
}
