package org.camunda4j.engine.internal.rest.wire;

/** The state of a decision instance. */
public enum DecisionInstanceState {
  EVALUATED,
  FAILED,
  UNSPECIFIED,
  UNKNOWN
}
