package org.camunda4j.sdk.internal.http;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter. {@link Jitter#EQUAL} draws from [cap/2, cap] (never
 * shorter than half the step, so a failing server is not hammered); {@link Jitter#FULL} draws from
 * [0, cap] (spreads a thundering herd). cap = min(max, initial × 2^(attempt−1)).
 */
public final class Backoff {

  public enum Jitter { EQUAL, FULL }

  private final Duration initial;
  private final Duration max;
  private final Jitter jitter;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max, Jitter jitter, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
    }
    this.initial = initial;
    this.max = max;
    this.jitter = jitter;
    this.random = random;
  }

  public static Backoff of(Duration initial, Duration max, Jitter jitter) {
    return new Backoff(initial, max, jitter, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  /** The upper bound for the given attempt (1-based), before jitter. */
  public Duration cap(int attempt) {
    int shift = Math.min(Math.max(attempt, 1) - 1, 30);
    long nanos = initial.toNanos();
    long capped = nanos > (max.toNanos() >> shift) ? max.toNanos() : nanos << shift;
    return Duration.ofNanos(Math.min(capped, max.toNanos()));
  }

  /** The delay before the given attempt (1 = the first retry). */
  public Duration delay(int attempt) {
    long cap = cap(attempt).toNanos();
    double r = random.getAsDouble();
    long nanos = jitter == Jitter.EQUAL ? cap / 2 + (long) (r * (cap - cap / 2)) : (long) (r * cap);
    return Duration.ofNanos(nanos);
  }
}
