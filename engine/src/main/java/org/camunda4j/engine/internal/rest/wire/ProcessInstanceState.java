package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of a process instance. */
public enum ProcessInstanceState {
  ACTIVE,
  COMPLETED,
  TERMINATED;
}
