package org.camunda4j.sdk.internal.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.process.ProcessPool;

/**
 * PROCESS strategy: each job waits (on a virtual thread) for a free child JVM, then runs there. The
 * pool holds min(maxConcurrentJobs, CPU count) children; a job that waits for a child past its lock
 * is not run (expired).
 */
final class ProcessExecution implements Execution {

  private final ProcessPool pool;
  private final BooleanSupplier stopping;

  ProcessExecution(ProcessJobHandler handler, WorkerSettings settings, BooleanSupplier stopping) {
    byte[] bytes = ProcessPool.serialize(handler);
    int size = Math.max(1, Math.min(settings.maxConcurrentJobs(), Runtime.getRuntime().availableProcessors()));
    this.pool = new ProcessPool("worker '" + settings.workerName() + "' for '" + settings.jobType() + "'", bytes, size);
    this.stopping = stopping;
  }

  ProcessPool pool() {
    return pool;
  }

  @Override
  public CompletableFuture<Ack> execute(JobRun run) {
    CompletableFuture<Ack> result = new CompletableFuture<>();
    Thread.ofVirtual().name("camunda4j-process-job-" + run.job().jobKey()).start(() -> {
      try {
        result.complete(runInChild(run));
      } catch (Throwable error) {
        result.complete(OutcomeMapper.fail(run.job(), "could not run the job in a PROCESS child: "
            + OutcomeMapper.messageOf(error)));
      }
    });
    return result;
  }

  private Ack runInChild(JobRun run) throws Exception {
    ProcessPool.Lease lease = pool.acquire(stopping);
    if (lease == null) {
      JobRun.StartDecision decision = run.tryStart();
      return decision == JobRun.StartDecision.RUN ? run.handBack() : run.decisionAck(decision);
    }
    try {
      JobRun.StartDecision decision = run.tryStart();
      if (decision != JobRun.StartDecision.RUN) {
        return run.decisionAck(decision);
      }
      ObjectNode request = Json.mapper().createObjectNode();
      request.set("job", Json.mapper().valueToTree(run.job()));
      request.put("remainingMillis", Math.max(0, run.remainingNanos() / 1_000_000));
      long started = System.nanoTime();
      ProcessPool.Reply reply = lease.run(Json.write(request),
          (level, message) -> run.log().atLevel(level).log(message));
      run.worker().recordHandlerTime(System.nanoTime() - started);
      if (reply.crash() != null && pool.isClosed()) {
        // The child was stopped because the worker's grace period ran out: not the job's fault.
        return run.handBack();
      }
      if (reply.crash() != null) {
        run.log().error("Job {} failed: {}", run.job().jobKey(), reply.crash());
        return OutcomeMapper.fail(run.job(), reply.crash());
      }
      return switch (reply.kind()) {
        case "Complete" -> new Ack.Complete(reply.body());
        case "Fail" -> new Ack.Fail(reply.body());
        case "ThrowError" -> new Ack.ThrowError(reply.body());
        default -> OutcomeMapper.fail(run.job(), "the PROCESS child answered an unknown outcome " + reply.kind());
      };
    } finally {
      lease.release();
    }
  }

  @Override
  public void shutdown() {
    // Running children finish their jobs; waiting jobs see the worker stopping and are handed back.
  }

  @Override
  public void shutdownNow() {
    pool.close();
  }
}
