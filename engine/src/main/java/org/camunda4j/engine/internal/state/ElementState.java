package org.camunda4j.engine.internal.state;

/** Lifecycle of an element instance, as in Zeebe's element instance records. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  COMPLETED,
  TERMINATING,
  TERMINATED;

  public boolean isFinal() {
    return this == COMPLETED || this == TERMINATED;
  }
}
