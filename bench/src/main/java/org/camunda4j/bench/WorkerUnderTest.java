package org.camunda4j.bench;

/** A job worker (ours or the official client's) running a no-op handler against the engine. */
interface WorkerUnderTest extends AutoCloseable {

  /** Jobs this worker has completed and the engine acknowledged, so far. */
  long completedJobs();

  @Override
  void close();
}
