package org.camunda4j.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The official client (camunda-client-java 8.9, REST polling, no streaming) with the same no-op
 * worker: capacity {@code maxJobsActive}, job timeout as ours, handler completes and waits for the answer.
 */
record OfficialWorkerProcess(CamundaClient client, JobWorker worker) implements AutoCloseable {

  static OfficialWorkerProcess start(URI restAddress, int executionThreads, int maxJobs, long handlerMillis,
      AtomicLong completed) {
    CamundaClient client = CamundaClient.newClientBuilder()
        .restAddress(restAddress)
        .preferRestOverGrpc(true)
        .numJobWorkerExecutionThreads(executionThreads)
        .build();
    JobWorker worker = client.newWorker()
        .jobType(BenchProcess.JOB_TYPE)
        .handler((jobClient, job) -> {
          WorkerProcess.blockingHandler(handlerMillis);
          jobClient.newCompleteCommand(job).send().join();
          completed.incrementAndGet();
        })
        .maxJobsActive(maxJobs)
        .timeout(WorkerProcess.JOB_TIMEOUT)
        .name("bench-official")
        .open();
    return new OfficialWorkerProcess(client, worker);
  }

  @Override
  public void close() {
    worker.close();
    client.close();
  }
}
