package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineClock;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.SearchRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A fresh engine per test method: injection, deployment from the annotation, configuration, isolation. */
@CamundaTest(deploy = "charge-and-ship.bpmn", configuration = "CAMUNDA_WORKER_TIMEOUT=30000")
class CamundaExtensionTest {

  CamundaTestContext camunda;
  CamundaClient client;
  CamundaAsyncClient asyncClient;
  EngineClock clock;
  Engine engine;

  @Test
  void fieldsAreInjectedAndPointAtTheSameEngine() {
    assertThat(camunda.engine()).isSameAs(engine);
    assertThat(camunda.client()).isSameAs(client);
    assertThat(client.async()).isSameAs(asyncClient);
    assertThat(clock).isSameAs(engine.clock());
    assertThat(client.topology().brokers()).isNotEmpty();
  }

  @Test
  void parametersAreInjectedToo(CamundaClient parameterClient, EngineClock parameterClock, CamundaTestContext context) {
    assertThat(parameterClient).isSameAs(client);
    assertThat(context).isSameAs(camunda);
    parameterClock.pin(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  /** Each repetition starts an instance on its own engine and finds exactly that one. */
  @RepeatedTest(3)
  void everyTestGetsAnEngineOfItsOwn() {
    assertThat(client.searchProcessInstances(SearchRequest.all()).items()).isEmpty();

    camunda.startInstance("charge-and-ship");

    assertThat(client.searchProcessInstances(SearchRequest.all()).items()).hasSize(1);
  }

  @Test
  void theResourcesOfTheAnnotationAreDeployed() {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-1"));

    camunda.assertThat(instance).isActiveAt("Task_Charge");
  }

  /** The worker names no timeout: it inherits CAMUNDA_WORKER_TIMEOUT from the annotation's configuration. */
  @Test
  void workersInheritTheAnnotationsConfiguration() {
    asyncClient.createJobWorker(WorkerConfig.of("charge"),
        ExecutionStrategy.ASYNC, job -> CompletableFuture.completedFuture(Map.of("charged", true)));
    asyncClient.createJobWorker(WorkerConfig.of("ship"),
        ExecutionStrategy.ASYNC, job -> CompletableFuture.completedFuture(Map.of("shipped", true)));

    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship");

    camunda.assertThat(instance).isCompleted().hasVariable("charged", true).hasVariable("shipped", true);
  }

  @Test
  void advancingTheClockExpiresAJobLock() {
    camunda.startInstance("charge-and-ship");
    long firstKey = camunda.nextJob("charge").jobKey();

    clock.advance(Duration.ofSeconds(31)); // the helper locks jobs for 30 s

    assertThat(camunda.nextJob("charge").jobKey()).isEqualTo(firstKey);
  }
}
