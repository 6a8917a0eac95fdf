package org.camunda4j.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The one clock of an engine. Job deadlines, retry backoffs, timers and message TTLs all follow it.
 *
 * <p>By default it follows system time. Tests pin it ({@link #pin}) and move it ({@link #advance});
 * {@link #reset} releases it back to system time. Over REST the same is reachable through
 * {@code PUT /v2/clock} and {@code POST /v2/clock/reset}.
 */
public interface EngineClock {

  /** The engine's current time. */
  Instant now();

  /** Stops the clock at {@code instant}; it stays there until moved or reset. */
  void pin(Instant instant);

  /** Moves the clock forward by {@code duration} (pinning it first at the current time if needed). */
  void advance(Duration duration);

  /** Releases the clock back to system time. */
  void reset();

  /** Whether the clock is pinned. */
  boolean isPinned();
}
