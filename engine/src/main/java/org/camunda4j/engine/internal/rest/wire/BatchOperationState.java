package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of a batch operation (8.9); the engine never reports CREATED: it finds the items as it creates the batch. */
public enum BatchOperationState {
  CREATED,
  ACTIVE,
  SUSPENDED,
  COMPLETED,
  PARTIALLY_COMPLETED,
  CANCELED,
  FAILED
}
