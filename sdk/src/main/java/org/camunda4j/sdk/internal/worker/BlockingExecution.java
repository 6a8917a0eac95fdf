package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.JobHandler;

/** THREAD (a pool of platform threads) and VIRTUAL (a virtual thread per job) strategies. */
final class BlockingExecution implements Execution {

  private final JobHandler handler;
  private final ExecutorService executor;
  private final CamundaClient client;

  BlockingExecution(JobHandler handler, ExecutorService executor, CamundaClient client) {
    this.handler = handler;
    this.executor = executor;
    this.client = client;
  }

  @Override
  public CompletableFuture<Ack> execute(JobRun run) {
    CompletableFuture<Ack> result = new CompletableFuture<>();
    executor.execute(() -> {
      JobRun.StartDecision decision = run.tryStart();
      if (decision != JobRun.StartDecision.RUN) {
        result.complete(run.decisionAck(decision));
        return;
      }
      long started = System.nanoTime();
      Ack ack;
      try {
        Object value = run.log().withMdc(() -> handler.handle(new SyncContext(run, client)));
        run.worker().recordHandlerTime(System.nanoTime() - started);
        ack = run.acknowledgedByHandler()
            ? new Ack.AlreadyAcknowledged()
            : OutcomeMapper.fromReturn(value, run.job(), run.log());
      } catch (Throwable thrown) {
        run.worker().recordHandlerTime(System.nanoTime() - started);
        if (run.acknowledgedByHandler()) {
          ack = new Ack.AlreadyAcknowledged();
        } else if (run.worker().isStopping() && OutcomeMapper.unwrap(thrown) instanceof InterruptedException) {
          // Interrupted because the grace period ran out: not the job's fault, so its retries stay.
          ack = run.handBack();
        } else {
          ack = OutcomeMapper.fromThrowable(thrown, run.job(), run.log());
        }
      }
      result.complete(ack);
    });
    return result;
  }

  @Override
  public void shutdown() {
    executor.shutdown();
  }

  @Override
  public void shutdownNow() {
    executor.shutdownNow();
  }
}
