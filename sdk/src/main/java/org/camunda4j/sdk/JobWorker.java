package org.camunda4j.sdk;

import java.time.Duration;

/**
 * A running worker. It polls until closed; closing stops polling at once (the long poll in flight is
 * aborted), lets running handlers finish within the grace period, hands unstarted jobs back with
 * their retries unchanged, and then releases its threads or child processes.
 */
public interface JobWorker extends AutoCloseable {

  String jobType();

  String workerName();

  ExecutionStrategy<?> strategy();

  /** The resolved maximum of jobs running at once. */
  int maxConcurrentJobs();

  boolean isRunning();

  WorkerStats stats();

  /** Graceful shutdown as described on the type; blocks for at most about {@code gracePeriod}. */
  ShutdownResult shutdown(Duration gracePeriod);

  /** {@link #shutdown} with a 10 s grace period. Idempotent. */
  @Override
  void close();
}
