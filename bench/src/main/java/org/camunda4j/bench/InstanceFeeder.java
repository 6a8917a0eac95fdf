package org.camunda4j.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps a backlog of one-task instances in front of the worker under test: it creates instances
 * (asynchronously, a bounded number in flight) whenever created − completed drops below the target,
 * so the worker never waits for work and the engine never holds an ever-growing pile of jobs.
 */
final class InstanceFeeder implements AutoCloseable {

  private static final int MAX_CREATIONS_IN_FLIGHT = 16;

  private final RawRest rest;
  private final int backlog;
  private final LongSupplier completedJobs;
  private final Semaphore inFlight = new Semaphore(MAX_CREATIONS_IN_FLIGHT);
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LatencySamples createLatency = new LatencySamples();
  private final Thread thread;
  private volatile boolean recording;
  private volatile boolean stopped;

  /**
   * Starts feeding; {@code completedJobs} counts jobs the worker under test has completed so far, and
   * {@code alreadyCreated} instances were created before (a prefilled backlog).
   */
  InstanceFeeder(RawRest rest, int backlog, Duration maxLifetime, LongSupplier completedJobs, long alreadyCreated) {
    this.rest = rest;
    this.submitted.set(alreadyCreated);
    this.created.set(alreadyCreated);
    this.backlog = backlog;
    this.completedJobs = completedJobs;
    long deadline = System.nanoTime() + maxLifetime.toNanos();
    this.thread = Thread.ofPlatform().name("instance-feeder").daemon().start(() -> feed(deadline));
  }

  private void feed(long deadline) {
    try {
      while (!stopped && failure.get() == null && System.nanoTime() < deadline) {
        if (submitted.get() - completedJobs.getAsLong() >= backlog) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
          continue;
        }
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        submitted.incrementAndGet();
        long sent = System.nanoTime();
        rest.createInstanceAsync(BenchProcess.PROCESS_ID).whenComplete((key, error) -> {
          if (recording && error == null) {
            synchronized (createLatency) {
              createLatency.add(System.nanoTime() - sent);
            }
          }
          inFlight.release();
          if (error != null) {
            failure.compareAndSet(null, error);
          } else {
            created.incrementAndGet();
          }
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** From now on (until {@link #stopRecording}), each create call's time to its answer is a latency sample. */
  void startRecording() {
    recording = true;
  }

  /** Stops recording and gives the p99 of the create calls answered while recording, in milliseconds. */
  double stopRecording() {
    recording = false;
    synchronized (createLatency) {
      return createLatency.percentileMillis(99);
    }
  }

  /** Instances created so far. */
  long created() {
    return created.get();
  }

  /** Jobs created and not yet completed by the worker under test. */
  long backlog() {
    return created.get() - completedJobs.getAsLong();
  }

  /** Throws the first creation failure, if any. */
  void check() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("the instance feeder failed: " + error.getMessage(), error);
    }
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(5_000);
      // Let creations in flight land, so none of them fails against an engine that is shutting down.
      if (inFlight.tryAcquire(MAX_CREATIONS_IN_FLIGHT, 10, TimeUnit.SECONDS)) {
        inFlight.release(MAX_CREATIONS_IN_FLIGHT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
