package org.camunda4j.bench;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker with no SDK at all: one platform thread that long-polls for up to M jobs and completes
 * them one by one with raw REST calls. Next to the SDK's rows in the same harness it shows roughly
 * what the engine and the feeder cost per job; roughly, because fixed costs (GC, JIT, timers) are
 * spread over more jobs when a worker is faster than this one.
 */
final class RawRestWorker implements WorkerUnderTest {

  /** Short, so that closing never waits long for a parked poll. */
  private static final long REQUEST_TIMEOUT_MILLIS = 1_000;

  private final RawRest rest;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stopped;

  RawRestWorker(URI restAddress, int maxJobs) {
    this.rest = new RawRest(restAddress);
    this.thread = Thread.ofPlatform().name("raw-rest-worker").daemon().start(() -> {
      try {
        while (!stopped) {
          List<Long> jobKeys = rest.activate(BenchProcess.JOB_TYPE, maxJobs, REQUEST_TIMEOUT_MILLIS);
          for (long jobKey : jobKeys) {
            rest.complete(jobKey);
            completed.incrementAndGet();
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
  }

  @Override
  public long completedJobs() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("the raw REST worker failed: " + error.getMessage(), error);
    }
    return completed.get();
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(REQUEST_TIMEOUT_MILLIS + 60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      rest.close();
    }
  }
}
