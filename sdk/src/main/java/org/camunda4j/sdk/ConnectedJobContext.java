package org.camunda4j.sdk;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The context of an {@link ExecutionStrategy#ASYNC} handler: the job plus an async client. */
public interface ConnectedJobContext extends JobContext {

  /**
   * The client, scoped to this job: if the handler completes, fails or throws an error on this job
   * through it (and the cluster accepts), the worker does not acknowledge the job again.
   * It cannot be closed from here.
   */
  CamundaAsyncClient client();

  /** Resets the lock to now + {@code timeout} ({@code PATCH /jobs/{key}}), and this worker's view of it. */
  CompletableFuture<Void> extendTimeout(Duration timeout);
}
