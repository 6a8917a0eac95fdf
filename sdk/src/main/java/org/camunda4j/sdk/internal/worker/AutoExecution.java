package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTO strategy: THREAD until the handler first returns a {@code CompletionStage}, ASYNC from then on.
 * Java cannot see a lambda's return type before calling it, so the first stage decides. In the ASYNC
 * phase each job gets its own virtual thread, which waits for the stage without holding a carrier
 * (the same cost as the ASYNC strategy, which also invokes its handler on a virtual thread).
 */
final class AutoExecution implements Execution {

  private static final Logger LOG = LoggerFactory.getLogger(AutoExecution.class);

  private final BlockingExecution threads;
  private final BlockingExecution virtualThreads;
  private final String jobType;
  private volatile boolean async;

  AutoExecution(JobHandler handler, String jobType, ExecutorService pool, ExecutorService perJob, CamundaClient client) {
    this.jobType = jobType;
    JobHandler awaitingStages = job -> awaitIfStage(handler.handle(job));
    this.threads = new BlockingExecution(awaitingStages, pool, client);
    this.virtualThreads = new BlockingExecution(awaitingStages, perJob, client);
  }

  @Override
  public CompletableFuture<Ack> execute(JobRun run) {
    return (async ? virtualThreads : threads).execute(run);
  }

  private Object awaitIfStage(Object result) {
    if (!(result instanceof CompletionStage<?> stage)) {
      return result;
    }
    if (!async) {
      async = true;
      LOG.info("Worker for job type '{}': the handler returns a CompletionStage, so it runs as ASYNC from now on", jobType);
    }
    return stage.toCompletableFuture().join(); // a CompletionException is unwrapped when the outcome is mapped
  }

  @Override
  public void shutdown() {
    threads.shutdown();
    virtualThreads.shutdown();
  }

  @Override
  public void shutdownNow() {
    threads.shutdownNow();
    virtualThreads.shutdownNow();
  }
}
