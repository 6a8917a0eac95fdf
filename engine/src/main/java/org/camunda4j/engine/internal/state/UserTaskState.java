package org.camunda4j.engine.internal.state;

/**
 * The lifecycle state of a user task: a resting state (CREATED), a transition that waits for its
 * task listeners (CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING), or an end.
 */
public enum UserTaskState {
  CREATING,
  CREATED,
  ASSIGNING,
  UPDATING,
  COMPLETING,
  COMPLETED,
  CANCELING,
  CANCELED;

  public boolean isEnd() {
    return this == COMPLETED || this == CANCELED;
  }
}
