package org.camunda4j.sdk;

import java.time.Duration;

/** The context of a {@link ExecutionStrategy#THREAD} or {@link ExecutionStrategy#VIRTUAL} handler. */
public interface SyncJobContext extends JobContext {

  /** The blocking client, scoped to this job (see {@link ConnectedJobContext#client()}). */
  CamundaClient client();

  /** Resets the lock to now + {@code timeout} ({@code PATCH /jobs/{key}}), and this worker's view of it. */
  void extendTimeout(Duration timeout);
}
