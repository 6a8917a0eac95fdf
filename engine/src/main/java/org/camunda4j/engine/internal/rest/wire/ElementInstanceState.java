package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of an element instance: waiting or working ({@code ACTIVE}), or how it ended. */
public enum ElementInstanceState {
  ACTIVE,
  COMPLETED,
  TERMINATED;
}
