package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;

/**
 * {@code createJobWorker(config, job -> ...)}: the lambda a Java developer writes first compiles
 * without a type (see {@link HandlerTypingTest}) and picks its strategy the way the seed's
 * {@code "auto"} does: a handler that returns a {@code CompletionStage} runs as ASYNC, any other as THREAD.
 */
class AutoStrategyTest {

  private static WorkerConfig work() {
    return WorkerConfig.of("work").withJobTimeout(EngineFixture.lock()).withMaxConcurrentJobs(1);
  }

  /** Runs an instance to its end and returns its variables. */
  private static Map<String, Object> complete(EngineFixture fixture) {
    return fixture.client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
        .withVariables(Map.of("orderId", "o-1")).withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(60))).variables();
  }

  @Test
  void aBlockingHandlerRunsOnThePlatformThreadPool() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      List<Thread> threads = new CopyOnWriteArrayList<>();
      JobWorker worker = fixture.client.createJobWorker(work(), job -> {
        threads.add(Thread.currentThread());
        return Map.of("handled", true);
      });

      for (int i = 0; i < 3; i++) {
        assertThat(complete(fixture)).containsEntry("handled", true);
      }

      assertThat(worker.strategy()).isEqualTo(ExecutionStrategy.AUTO);
      assertThat(threads).hasSize(3).allSatisfy(thread -> {
        assertThat(thread.isVirtual()).isFalse();
        assertThat(thread.getName()).startsWith("camunda4j-work-");
      });
    }
  }

  @Test
  void aHandlerReturningAStageRunsAsAsyncAfterTheFirstStageShowedIt() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      List<Boolean> virtual = new CopyOnWriteArrayList<>();
      fixture.client.createJobWorker(work(), job -> {
        virtual.add(Thread.currentThread().isVirtual());
        return job.client().async().topology().thenApply(topology -> Map.of("brokers", topology.brokers().size()));
      });

      for (int i = 0; i < 3; i++) {
        assertThat(complete(fixture)).as("the stage's result completes the job").containsEntry("brokers", 1);
      }

      assertThat(virtual).as("the first call shows the stage; every later one runs as ASYNC")
          .containsExactly(false, true, true);
    }
  }

  @Test
  void aStageThatFailsWithAJobFailureFailsTheJob() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(),
          job -> CompletableFuture.failedFuture(new JobFailure("warehouse offline", 0, Duration.ZERO)));

      long key = fixture.start("work", Map.of("orderId", "o-1"));

      Incident incident = Await.value("an incident", Await.DEFAULT, () -> fixture.client
          .searchIncidents(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(key))))
          .items().stream().findFirst());
      assertThat(incident.errorMessage()).isEqualTo("warehouse offline");
    }
  }
}
