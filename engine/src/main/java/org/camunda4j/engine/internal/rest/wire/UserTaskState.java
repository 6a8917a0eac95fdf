package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of a user task. */
public enum UserTaskState {
  CREATING,
  CREATED,
  ASSIGNING,
  UPDATING,
  COMPLETING,
  COMPLETED,
  CANCELING,
  CANCELED,
  FAILED;
}
