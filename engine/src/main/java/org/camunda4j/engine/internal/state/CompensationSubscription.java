package org.camunda4j.engine.internal.state;

/**
 * A completed activity that a compensation throw event can still undo: one per completion of an
 * activity with a compensation boundary event ({@code handlerId} names its handler), and one per
 * completed sub-process or multi-instance body that holds such subscriptions ({@code handlerId}
 * null), through which a compensation in an outer scope reaches them. {@code scopeKey} is the
 * element instance the activity completed in. Once a throw event invoked the handler, the
 * subscription names both instances until the handler completes.
 */
public record CompensationSubscription(
    long key,
    long processInstanceKey,
    String activityId,
    long activityInstanceKey,
    long scopeKey,
    String handlerId,
    long throwEventInstanceKey,
    long handlerInstanceKey)
    implements java.io.Serializable {

  /** Whether a throw event already invoked it: its handler runs, and no other throw event takes it. */
  public boolean triggered() {
    return throwEventInstanceKey >= 0;
  }

  CompensationSubscription triggeredBy(long throwEventInstanceKey, long handlerInstanceKey) {
    return new CompensationSubscription(
        key, processInstanceKey, activityId, activityInstanceKey, scopeKey, handlerId, throwEventInstanceKey, handlerInstanceKey);
  }
}
