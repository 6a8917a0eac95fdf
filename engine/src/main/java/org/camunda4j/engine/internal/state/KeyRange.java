package org.camunda4j.engine.internal.state;

import java.time.Instant;

/**
 * Where an engine's keys start. Keys are Zeebe-shaped: partition 1 in the bits above 51, a local
 * counter below (reference §1.2: every client reads them as a decimal string of a Java long).
 *
 * <p>An engine that keeps no state must never hand out a key an earlier life of it handed out,
 * or a worker's acknowledgement retried across a restart would complete another instance's job.
 * So an in-memory engine starts its counter at the wall-clock time of its start, {@value
 * #KEYS_PER_MILLI} keys per millisecond since {@link #EPOCH}: a later start begins above every key
 * an earlier life can have used unless that life averaged more than a million keys a second (the
 * engine makes tens of thousands). The local counter has room for 2^51 keys, which lasts into
 * the 2090s at that rate.
 */
public final class KeyRange {

  /** Partition 1 in the top bits, as Zeebe's keys of partition 1 are. */
  public static final long PARTITION_ONE = 1L << 51;

  static final long KEYS_PER_MILLI = 1024;

  /** The start of the key clock: 2025-01-01T00:00:00Z. */
  static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private KeyRange() {}

  /** The key before the first one an engine started at {@code wallClockMillis} hands out. */
  public static long lastKeyBeforeStartAt(long wallClockMillis) {
    long millis = Math.max(0, wallClockMillis - EPOCH.toEpochMilli());
    long local = millis * KEYS_PER_MILLI;
    if (local >= PARTITION_ONE) {
      throw new IllegalStateException("the wall clock (" + Instant.ofEpochMilli(wallClockMillis) + ") is past the key range of partition 1");
    }
    return PARTITION_ONE + local;
  }

  /** Whether {@code key} has the shape of a key of partition 1. */
  public static boolean isPartitionOneKey(long key) {
    return key > PARTITION_ONE && (key >>> 51) == 1;
  }
}
