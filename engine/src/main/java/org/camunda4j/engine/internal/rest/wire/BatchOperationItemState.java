package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of one batch operation item (8.9); ACTIVE means not processed yet. */
public enum BatchOperationItemState {
  ACTIVE,
  COMPLETED,
  CANCELED,
  FAILED
}
