package org.camunda4j.sdk.internal.worker;

import java.time.Duration;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.JobUpdateRequest;
import org.camunda4j.sdk.SyncJobContext;

final class SyncContext extends BaseJobContext implements SyncJobContext {

  private final JobRun run;
  private final CamundaClient workerClient;
  private CamundaClient scoped; // guarded by this; built on first use: most handlers never ask for it

  SyncContext(JobRun run, CamundaClient client) {
    super(run.job(), run.log(), run::leaseDeadlineNanos);
    this.run = run;
    this.workerClient = client;
  }

  @Override
  public synchronized CamundaClient client() {
    if (scoped == null) {
      scoped = JobScopedClients.blocking(workerClient, run);
    }
    return scoped;
  }

  @Override
  public void extendTimeout(Duration timeout) {
    long requestedAt = System.nanoTime();
    client().updateJob(run.job().jobKey(), JobUpdateRequest.timeout(timeout));
    run.extendLease(requestedAt + timeout.toNanos());
  }
}
