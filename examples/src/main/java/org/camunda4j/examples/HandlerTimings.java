package org.camunda4j.examples;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import org.camunda4j.sdk.AsyncJobHandler;
import org.camunda4j.sdk.JobHandler;

/**
 * Handler durations of one worker, for the p50/p99 columns of the summary. {@link org.camunda4j.sdk.WorkerStats
 * WorkerStats} only keeps a total, so the demo wraps its handlers to time each call.
 * A process handler runs in another JVM; it reports its own time, which the demo adds with {@link #record}.
 */
final class HandlerTimings {

  private long[] nanos = new long[256];
  private int count;

  synchronized void record(long durationNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = durationNanos;
  }

  /** The {@code q}-quantile (0 < q ≤ 1) by nearest rank, or {@code null} with no samples. */
  synchronized Duration quantile(double q) {
    if (count == 0) {
      return null;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count);
    return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
  }

  /** Times a blocking handler, whatever its outcome. */
  JobHandler timedBlocking(JobHandler handler) {
    return job -> {
      long start = System.nanoTime();
      try {
        return handler.handle(job);
      } finally {
        record(System.nanoTime() - start);
      }
    };
  }

  /** Times an async handler until its stage completes, whatever its outcome. */
  AsyncJobHandler timedAsync(AsyncJobHandler handler) {
    return job -> {
      long start = System.nanoTime();
      CompletionStage<?> stage;
      try {
        stage = handler.handle(job);
      } catch (Exception | Error e) {
        record(System.nanoTime() - start);
        throw e;
      }
      return stage.whenComplete((result, error) -> record(System.nanoTime() - start));
    };
  }
}
