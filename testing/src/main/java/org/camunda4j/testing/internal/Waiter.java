package org.camunda4j.testing.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until a probe yields a value or a bounded time runs out. Searches against a real cluster are
 * eventually consistent, so every assertion and helper of the kit waits rather than reading once;
 * the embedded engine usually answers on the first poll.
 */
public final class Waiter {

  private static final long PAUSE_MILLIS = 10;

  private final Duration timeout;

  public Waiter(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * The first value {@code probe} yields. On timeout it fails with {@code failure}'s message, which is
   * computed then so it can describe the state last seen.
   */
  public <T> T await(Supplier<Optional<T>> probe, Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException lastError = null;
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
        lastError = null;
      } catch (RuntimeException e) {
        lastError = e; // e.g. a 404 on a GET that the cluster has not indexed yet
      }
      if (System.nanoTime() - deadline >= 0) {
        AssertionError error = new AssertionError(failure.get() + " (waited " + describe(timeout) + ")");
        if (lastError != null) {
          error.addSuppressed(lastError);
        }
        throw error;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine", e);
    }
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
