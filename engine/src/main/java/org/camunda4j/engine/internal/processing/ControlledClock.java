package org.camunda4j.engine.internal.processing;

import java.time.Instant;

/**
 * The engine clock: system time unless pinned. Only this class decides what "now" is; processing
 * reads it once per command and passes the timestamp along, so replay never needs a clock.
 */
public final class ControlledClock {

  private volatile Long pinnedMillis;

  public long millis() {
    Long pinned = pinnedMillis;
    return pinned != null ? pinned : System.currentTimeMillis();
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  public void pin(long epochMillis) {
    pinnedMillis = epochMillis;
  }

  public synchronized void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("the engine clock only moves forward; got " + millis + " ms");
    }
    pinnedMillis = millis() + millis;
  }

  public void reset() {
    pinnedMillis = null;
  }

  public boolean isPinned() {
    return pinnedMillis != null;
  }
}
