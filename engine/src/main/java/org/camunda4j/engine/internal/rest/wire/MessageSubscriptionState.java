package org.camunda4j.engine.internal.rest.wire;

/** The {@code messageSubscriptionState} of a message subscription (8.9); the engine never migrates, so never MIGRATED. */
public enum MessageSubscriptionState {
  CORRELATED,
  CREATED,
  DELETED,
  MIGRATED
}
