package org.camunda4j.engine.internal.rest.wire;

/** The {@code messageSubscriptionState} of a message subscription (8.9); MIGRATED: it moved with its migrated process instance and still waits. */
public enum MessageSubscriptionState {
  CORRELATED,
  CREATED,
  DELETED,
  MIGRATED
}
