package org.camunda4j.engine.internal.state;

/**
 * What {@code POST /v2/message-subscriptions/search} reports about a message subscription, open or
 * closed: CREATED while it waits (MIGRATED once it moved with its migrated process instance),
 * CORRELATED once a message reached it, DELETED when it closed without one (its element ended or
 * was left). Changed only by {@link EventApplier} and {@link MigrationApplier}.
 */
public final class MessageSubscriptionRecord implements java.io.Serializable {

  public enum State {
    CREATED,
    MIGRATED,
    CORRELATED,
    DELETED
  }

  /** Replaced when its process instance is migrated and the subscription moves with it. */
  MessageSubscription subscription;
  State state = State.CREATED;
  long lastUpdated;

  MessageSubscriptionRecord(MessageSubscription subscription, long created) {
    this.subscription = subscription;
    this.lastUpdated = created;
  }

  public MessageSubscription subscription() {
    return subscription;
  }

  public State state() {
    return state;
  }

  /** Epoch millis of the last change. */
  public long lastUpdated() {
    return lastUpdated;
  }
}
