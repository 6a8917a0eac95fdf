package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of a job search item. */
public enum JobState {
  CREATED,
  COMPLETED,
  FAILED,
  RETRIES_UPDATED,
  TIMED_OUT,
  CANCELED,
  ERROR_THROWN,
  MIGRATED;
}
