package org.camunda4j.sdk.internal.worker;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobUpdateRequest;

final class ConnectedContext extends BaseJobContext implements ConnectedJobContext {

  private final JobRun run;
  private final CamundaAsyncClient workerClient;
  private CamundaAsyncClient scoped; // guarded by this; built on first use: most handlers never ask for it

  ConnectedContext(JobRun run, CamundaAsyncClient client) {
    super(run.job(), run.log(), run::leaseDeadlineNanos);
    this.run = run;
    this.workerClient = client;
  }

  @Override
  public synchronized CamundaAsyncClient client() {
    if (scoped == null) {
      scoped = JobScopedClients.async(workerClient, run);
    }
    return scoped;
  }

  @Override
  public CompletableFuture<Void> extendTimeout(Duration timeout) {
    long requestedAt = System.nanoTime();
    return client().updateJob(run.job().jobKey(), JobUpdateRequest.timeout(timeout))
        .thenRun(() -> run.extendLease(requestedAt + timeout.toNanos()));
  }
}
