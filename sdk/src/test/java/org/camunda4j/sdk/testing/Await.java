package org.camunda4j.sdk.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds, with a generous upper bound; never a fixed sleep. */
public final class Await {

  public static final Duration DEFAULT = Duration.ofSeconds(60);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT, condition);
  }

  public static void until(String what, Duration max, BooleanSupplier condition) {
    value(what, max, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  public static <T> T value(String what, Duration max, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + max.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    AssertionError failure = new AssertionError("timed out after " + max.toSeconds() + " s waiting for " + what);
    if (last != null) {
      failure.addSuppressed(last);
    }
    throw failure;
  }
}
