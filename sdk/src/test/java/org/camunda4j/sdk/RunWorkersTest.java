package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;

class RunWorkersTest {

  @Test
  void runWorkersBlocksUntilTheClientIsClosedAndThenTheWorkersHaveDrained() throws Exception {
    CountDownLatch handlerStarted = new CountDownLatch(1);
    CountDownLatch releaseHandler = new CountDownLatch(1);
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      CamundaAsyncClient client = fixture.asyncClient();
      JobWorker worker = client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)),
          (SyncJobContext job) -> {
            handlerStarted.countDown();
            releaseHandler.await(30, TimeUnit.SECONDS);
            return Map.of("drained", true);
          });
      CompletableFuture<Void> running = CompletableFuture.runAsync(client::runWorkers,
          java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      long key = fixture.start("work", Map.of("orderId", "o-1"));
      assertThat(handlerStarted.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(running).isNotDone();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(client::close,
          java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      Await.until("the worker to stop polling", () -> !worker.isRunning());
      assertThat(running).isNotDone(); // still draining the running handler
      releaseHandler.countDown();

      running.get(30, TimeUnit.SECONDS);
      closing.get(30, TimeUnit.SECONDS);
      assertThat(worker.stats().completed()).isEqualTo(1);
      assertThat(client.workers()).isEmpty();
      // the engine outlives the client: the drained job's completion reached it
      try (CamundaClient reader = CamundaClient.builder().environment(Map.of())
          .configuration(Map.of("CAMUNDA_REST_ADDRESS", fixture.engine.restAddress().toString())).build()) {
        assertThat(reader.getProcessInstance(key).isCompleted()).isTrue();
      }
    }
  }

  @Test
  void aClosedClientRefusesNewWorkers() {
    try (EngineFixture fixture = EngineFixture.start()) {
      fixture.client.close();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.client.createJobWorker(
              WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(1)), (SyncJobContext job) -> null))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
  }
}
