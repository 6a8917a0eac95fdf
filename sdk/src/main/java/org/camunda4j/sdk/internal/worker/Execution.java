package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.CompletableFuture;

/**
 * How a strategy runs handlers. {@link #execute} must call {@link JobRun#tryStart()} right before the
 * handler would start and run it only on RUN; the future never completes exceptionally on purpose
 * (a throwing handler is an {@link Ack.Fail}), though the worker guards against it anyway.
 */
interface Execution {

  CompletableFuture<Ack> execute(JobRun run);

  /** Stop accepting work; running handlers go on. */
  void shutdown();

  /** Give up on running handlers (after the grace period). */
  void shutdownNow();
}
