package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.camunda4j.sdk.AsyncJobHandler;
import org.camunda4j.sdk.CamundaAsyncClient;

/**
 * ASYNC strategy: the handler is invoked on a virtual thread (so a handler that blocks before
 * returning its stage cannot stall the poller) and the job is done when its stage completes.
 */
final class AsyncExecution implements Execution {

  private final AsyncJobHandler handler;
  private final ExecutorService invoker;
  private final CamundaAsyncClient client;

  AsyncExecution(AsyncJobHandler handler, ExecutorService invoker, CamundaAsyncClient client) {
    this.handler = handler;
    this.invoker = invoker;
    this.client = client;
  }

  @Override
  public CompletableFuture<Ack> execute(JobRun run) {
    CompletableFuture<Ack> result = new CompletableFuture<>();
    invoker.execute(() -> {
      JobRun.StartDecision decision = run.tryStart();
      if (decision != JobRun.StartDecision.RUN) {
        result.complete(run.decisionAck(decision));
        return;
      }
      long started = System.nanoTime();
      CompletionStage<?> stage;
      try {
        stage = run.log().withMdc(() -> handler.handle(new ConnectedContext(run, client)));
        if (stage == null) {
          throw new IllegalStateException("the AsyncJobHandler returned null instead of a CompletionStage;"
              + " return CompletableFuture.completedFuture(null) to complete without variables");
        }
      } catch (Throwable thrown) {
        run.worker().recordHandlerTime(System.nanoTime() - started);
        result.complete(run.acknowledgedByHandler()
            ? new Ack.AlreadyAcknowledged()
            : OutcomeMapper.fromThrowable(thrown, run.job(), run.log()));
        return;
      }
      stage.whenComplete((value, error) -> {
        run.worker().recordHandlerTime(System.nanoTime() - started);
        try {
          Ack ack;
          if (run.acknowledgedByHandler()) {
            ack = new Ack.AlreadyAcknowledged();
          } else if (error != null) {
            ack = OutcomeMapper.fromThrowable(error, run.job(), run.log());
          } else {
            ack = OutcomeMapper.fromReturn(value, run.job(), run.log());
          }
          result.complete(ack);
        } catch (Throwable mappingFailure) {
          result.complete(OutcomeMapper.fail(run.job(), OutcomeMapper.messageOf(mappingFailure)));
        }
      });
    });
    return result;
  }

  @Override
  public void shutdown() {
    invoker.shutdown();
  }

  @Override
  public void shutdownNow() {
    invoker.shutdownNow();
  }
}
