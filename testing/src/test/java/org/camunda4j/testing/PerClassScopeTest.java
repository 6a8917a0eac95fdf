package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda4j.engine.EngineClock;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.WorkerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One engine for the class; what one test starts (workers, a pinned clock) does not reach the next. */
@CamundaTest(scope = EngineScope.PER_CLASS, deploy = "charge-and-ship.bpmn")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassScopeTest {

  private static URI engineOfBeforeAll;

  CamundaTestContext camunda;
  CamundaClient client;
  EngineClock clock;

  @BeforeAll
  static void theEngineIsAlreadyThere(CamundaTestContext context) {
    engineOfBeforeAll = context.restAddress();
  }

  @Test
  @Order(1)
  void aTestLeavesAWorkerAndAPinnedClockBehind() {
    assertThat(camunda.restAddress()).isEqualTo(engineOfBeforeAll);
    client.createJobWorker(WorkerConfig.of("charge").withJobTimeout(Duration.ofSeconds(30)),
        ExecutionStrategy.THREAD, job -> Map.of());
    clock.pin(Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(client.workers()).hasSize(1);
  }

  @Test
  @Order(2)
  void theNextTestSharesTheEngineButNotTheWorkerOrTheClock() {
    assertThat(camunda.restAddress()).isEqualTo(engineOfBeforeAll);
    assertThat(client.workers()).isEmpty();
    assertThat(clock.isPinned()).isFalse();
  }
}
