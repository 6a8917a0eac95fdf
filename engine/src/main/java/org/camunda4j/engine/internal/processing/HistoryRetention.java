package org.camunda4j.engine.internal.processing;

import java.time.Duration;

/**
 * How long ended process instances are kept (on the engine clock, from their end) and how many at
 * most; beyond either, they are removed with everything of theirs by a {@link
 * org.camunda4j.engine.internal.record.EngineEvent.ProcessInstancesRemoved} event ({@link
 * HistoryRemoval}), so a replay removes them too.
 *
 * @param retention how long an ended instance is kept; null keeps it for ever
 * @param maxInstances how many ended instances are kept at most; over it, the oldest go first, down
 *     to 5 % below the limit, so that removals come in chunks rather than one per ended instance
 */
public record HistoryRetention(Duration retention, int maxInstances) {

  /** Keeps every ended instance: the embedded engine and the testing kit, unless told otherwise. */
  public static final HistoryRetention KEEP_ALL = new HistoryRetention(null, Integer.MAX_VALUE);

  public HistoryRetention {
    if (retention != null && retention.isNegative()) {
      throw new IllegalArgumentException("the history retention must not be negative, was " + retention);
    }
    if (maxInstances < 0) {
      throw new IllegalArgumentException("the count limit of ended instances must not be negative, was " + maxInstances);
    }
  }
}
