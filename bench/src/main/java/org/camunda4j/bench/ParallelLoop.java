package org.camunda4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the same step on several platform threads until each step says it is done or a deadline
 * passes; the first failure stops every thread and is rethrown. Always bounded in time.
 */
final class ParallelLoop {

  /** One iteration; returns false when this thread has nothing left to do. */
  @FunctionalInterface
  interface Step {
    boolean next() throws Exception;
  }

  private ParallelLoop() {}

  /** Runs {@code step} on {@code threads} threads until done or until {@code deadlineNanos} ({@link System#nanoTime}). */
  static void run(String name, int threads, long deadlineNanos, Step step) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      started.add(Thread.ofPlatform().name(name + "-" + i).start(() -> {
        try {
          while (failure.get() == null && System.nanoTime() < deadlineNanos && step.next()) {
            // the step does the work
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    for (Thread thread : started) {
      try {
        // A step in flight at the deadline may take one more call to return; allow for the slowest call.
        long waitMillis = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000) + 90_000;
        thread.join(waitMillis);
        if (thread.isAlive()) {
          failure.compareAndSet(null, new IllegalStateException(thread.getName() + " did not stop after its deadline"));
          thread.interrupt();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException(name + " failed: " + error.getMessage(), error);
    }
  }
}
