package org.camunda4j.engine.internal.state;

/** Where a job stands in its state machine (see engine-semantics §2.1). */
public enum JobState {
  ACTIVATABLE,
  ACTIVATED,
  /** Failed: waiting out a retry backoff, or out of retries with an incident. */
  FAILED,
  /** A BPMN error that nothing caught; an incident waits for resolution. */
  ERROR_THROWN
}
