package org.camunda4j.engine.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, with a generous upper bound.
 *
 * <p>Search endpoints are eventually consistent by contract, so a scenario waits for the state it
 * expects instead of sleeping a fixed time. The bound is a safety net, not a performance goal.
 */
final class Eventually {

  static final Duration DEFAULT_BOUND = Duration.ofSeconds(20);

  private Eventually() {}

  static <T> T get(String what, Supplier<T> probe, Predicate<T> condition) {
    return get(what, DEFAULT_BOUND, probe, condition);
  }

  static <T> T get(String what, Duration bound, Supplier<T> probe, Predicate<T> condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    T last = null;
    while (true) {
      last = probe.get();
      if (condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + bound.toSeconds() + " s for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
