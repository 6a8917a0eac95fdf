package org.camunda4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.spring.internal.JobWorkerRegistrar;
import org.camunda4j.testing.CamundaTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The application's real workers against the in-process engine over HTTP, with a real BPMN model
 * whose one service task takes its job type from the instance ({@code =jobType}).
 */
@CamundaSpringBootTest(classes = WorkerApplication.class, deploy = "bpmn/spring-worker.bpmn", properties = {
    "test.worker-name=from-a-placeholder",
    "camunda.client.worker.defaults.job-timeout=45s",
    "camunda.client.worker.override.overridden.max-concurrent-jobs=5",
    "camunda.client.worker.override.disabled-by-property.enabled=false"})
class JobWorkerEndToEndTest {

  @Autowired CamundaTestContext camunda;
  @Autowired WorkerApplication.Workers workers;
  @Autowired JobWorkerRegistrar registrar;
  @Autowired CamundaClient client;
  @Autowired CamundaAsyncClient asyncClient;
  @Autowired MeterRegistry meters;
  @Autowired HealthIndicator camundaHealthIndicator;

  private ProcessInstanceCreationResult start(String jobType, Map<String, Object> variables) {
    var all = new java.util.HashMap<String, Object>(variables);
    all.put("jobType", jobType);
    return camunda.startInstance("spring-worker", all);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyParameterKindIsBoundFromTheJobAndOnlyTheNamedVariablesAreFetched() {
    var instance = start("bind-everything", Map.of("orderId", "o-1", "amountCents", 1250, "customer", "Ada",
        "quantity", 3, "secret", "not for this worker"));

    camunda.assertThat(instance).isCompleted().hasVariable("checked", true);
    var seen = workers.seen.values;
    assertThat(seen.get("contextType")).isEqualTo("bind-everything");
    assertThat(seen.get("order")).isEqualTo(new WorkerApplication.Order("o-1", 1250));
    assertThat(seen.get("customer")).isEqualTo("Ada");
    assertThat(seen.get("quantity")).isEqualTo(3);
    assertThat(seen.get("region")).isEqualTo("eu-west");
    assertThat(seen.get("priority")).isEqualTo(7);
    assertThat(seen.get("headers")).isEqualTo(Map.of("region", "eu-west", "priority", "7"));
    assertThat((Set<Object>) seen.get("fetched")).containsExactlyInAnyOrder("orderId", "amountCents", "customer", "quantity");
  }

  @Test
  void aReturnedRecordCompletesTheJobWithItsComponentsAndTheTypeDefaultsToTheMethodName() {
    var instance = start("ship", Map.of("orderId", "o-2"));

    camunda.assertThat(instance).isCompleted().hasPassed("EndEvent_Done").hasVariable("trackingId", "track-o-2");
  }

  @Test
  void aThrownJobFailureFailsTheJobWithItsRetries() {
    var instance = start("fail-explicitly", Map.of());

    camunda.assertThat(instance).isActive().hasIncident("Task_Work", "card declined");
  }

  @Test
  void aReturnedOrThrownJobErrorThrowsTheBpmnError() {
    var returned = start("return-error", Map.of());
    var thrown = start("throw-error", Map.of());

    camunda.assertThat(returned).isCompleted().hasPassed("Error_OutOfStock", "EndEvent_OutOfStock");
    camunda.assertThat(thrown).isCompleted().hasPassed("Error_OutOfStock", "EndEvent_OutOfStock");
  }

  @Test
  void anyOtherExceptionFailsTheJobWithRetriesMinusOneUntilAnIncident() {
    var instance = start("crash", Map.of());

    camunda.assertThat(instance).hasIncident("Task_Work", "the warehouse API is down");
    assertThat(workers.seen.crashRetries).containsExactly(3, 2, 1);
  }

  @Test
  void aMethodThatCompletesTheJobItselfIsNotAcknowledgedAgain() {
    var instance = start("completes-itself", Map.of());

    camunda.assertThat(instance).isCompleted().hasVariable("completedBy", "the method");
    // in flight until the worker has settled the job: only then would a second acknowledgement show
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      var settled = worker("completes-itself").stats();
      return settled.handled() >= 1 && settled.inFlight() == 0;
    });
    var stats = worker("completes-itself").stats();
    assertThat(stats.ackNotFound()).isZero();
    assertThat(stats.ackFailed()).isZero();
  }

  @Test
  void aMethodReturningACompletionStageRunsAsyncWithAConnectedContext() {
    var instance = start("async-quote", Map.of("amountCents", 500));

    camunda.assertThat(instance).isCompleted().hasVariable("quoteCents", 1000);
    assertThat(worker("async-quote").strategy().name()).isEqualTo("ASYNC");
    assertThat(workers.seen.values.get("asyncContext")).isEqualTo(true);
  }

  @Test
  void theAnnotationsStrategyIsUsed() {
    var instance = start("virtual", Map.of());

    camunda.assertThat(instance).isCompleted().hasVariable("onVirtualThread", true);
    assertThat(worker("virtual").strategy().name()).isEqualTo("VIRTUAL");
    assertThat(worker("ship").strategy().name()).isEqualTo("AUTO");
  }

  @Test
  void propertiesWinOverTheAnnotationWhichWinsOverTheDefaults() {
    JobWorker overridden = worker("overridden");

    assertThat(overridden.maxConcurrentJobs()).isEqualTo(5);
    assertThat(overridden.workerName()).isEqualTo("from-a-placeholder");
    assertThat(registrar.workers()).extracting(JobWorker::jobType).doesNotContain("disabled-by-property");
  }

  @Test
  void theBlockingAndAsyncClientsAreOneClient() {
    assertThat(client.async()).isSameAs(asyncClient);
    assertThat(client.topology().gatewayVersion()).isNotBlank();
  }

  @Test
  void eachWorkerHasItsMetersTaggedWithItsJobType() {
    camunda.assertThat(start("ship", Map.of("orderId", "o-3"))).isCompleted();

    // the worker counts the completion when the engine's answer arrives, which may be after the instance ended
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(meters.get("camunda.worker.jobs").tags("jobType", "ship", "outcome", "completed")
          .functionCounter().count()).isGreaterThanOrEqualTo(1);
      assertThat(meters.get("camunda.worker.handler").tags("jobType", "ship").functionTimer().count())
          .isGreaterThanOrEqualTo(1);
    });
    assertThat(meters.get("camunda.worker.jobs.in.flight").tags("jobType", "ship").gauge().value()).isZero();
    assertThat(meters.find("camunda.worker.jobs").tags("jobType", "crash", "outcome", "failed").functionCounter())
        .isNotNull();
  }

  @Test
  void theHealthIndicatorReportsTheEngineAndEveryWorker() {
    Health health = camundaHealthIndicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails().get("engine")).isEqualTo(Map.of("reachable", true, "version",
        client.topology().gatewayVersion()));
    @SuppressWarnings("unchecked")
    var perWorker = (Map<String, Map<String, Object>>) health.getDetails().get("workers");
    assertThat(perWorker.keySet()).contains("ship", "bind-everything", "async-quote");
    assertThat(perWorker.get("ship")).containsEntry("polling", true).containsEntry("backpressure", false);
  }

  private JobWorker worker(String type) {
    List<JobWorker> all = registrar.workers();
    return all.stream().filter(w -> w.jobType().equals(type)).findFirst().orElseThrow();
  }
}
