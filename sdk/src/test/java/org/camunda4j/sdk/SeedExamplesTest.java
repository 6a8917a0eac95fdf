package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Every example on the seed page (shared/seed/job-workers.md), in Java, against the in-process engine. */
class SeedExamplesTest {

  private static ProcessInstanceCreationResult runToCompletion(CamundaClient client, String processId,
      Map<String, Object> variables) {
    return client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId(processId)
        .withVariables(variables).withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(60)));
  }

  @Test
  void firstExample_anAsyncHandlerCompletesTheJobWithTheReturnedMap() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/seed-first-example.bpmn")) {
      CamundaAsyncClient client = fixture.asyncClient();
      WorkerConfig config = WorkerConfig.of("my-service-task").withJobTimeout(Duration.ofMillis(30_000));
      client.createJobWorker(config, job -> { // auto, as in the seed: returns a stage, so runs as ASYNC
        Map<String, Object> variables = job.variables().asMap();
        job.log().info("Processing job {}: {}", job.jobKey(), variables);
        return CompletableFuture.completedFuture(Map.of("result", "processed"));
      });

      ProcessInstanceCreationResult done = runToCompletion(fixture.client, "seed-first-example", Map.of("input", 1));

      assertThat(done.variables()).containsEntry("result", "processed").containsEntry("input", 1);
    }
  }

  @Test
  void anAsyncHandlerPublishesAMessageThatTheProcessThenReceives() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/order-fulfilment.bpmn")) {
      fixture.asyncClient().createJobWorker(WorkerConfig.of("process-order").withJobTimeout(EngineFixture.lock()),
          ExecutionStrategy.ASYNC, job -> {
            String orderId = (String) job.variables().get("orderId");
            return job.client().publishMessage(MessagePublicationRequest.of("order-processed", orderId)
                    .withTimeToLive(Duration.ofMillis(60_000))
                    .withVariables(Map.of("orderId", orderId, "status", "completed")))
                .thenApply(published -> {
                  job.log().info("Published order-processed message for order {}", orderId);
                  return Map.of("status", "done");
                });
          });

      ProcessInstanceCreationResult done = runToCompletion(fixture.client, "order-fulfilment", Map.of("orderId", "o-1"));

      // The handler completed its job with status=done; then the buffered message correlated and set status=completed.
      assertThat(done.variables()).containsEntry("orderId", "o-1").containsEntry("status", "completed");
    }
  }

  @Test
  void aThreadHandlerPublishesAMessageThroughItsBlockingClient() {
    List<MessagePublicationResult> published = new CopyOnWriteArrayList<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/order-publish.bpmn")) {
      fixture.client.createJobWorker(WorkerConfig.of("process-order").withJobTimeout(EngineFixture.lock()),
          ExecutionStrategy.THREAD, job -> {
            String orderId = (String) job.variables().get("orderId");
            published.add(job.client().publishMessage(MessagePublicationRequest.of("order-processed", orderId)
                .withTimeToLive(Duration.ofMillis(60_000))
                .withVariables(Map.of("orderId", orderId, "status", "completed"))));
            job.log().info("Published order-processed message for order {}", orderId);
            return Map.of("status", "done");
          });

      ProcessInstanceCreationResult done = runToCompletion(fixture.client, "order-publish", Map.of("orderId", "o-2"));

      assertThat(done.variables()).containsEntry("status", "done");
      assertThat(published).singleElement().satisfies(result -> assertThat(result.messageKey()).isPositive());
    }
  }

  @Test
  void forcedThreadAndProcessStrategiesBothRun() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/strategy-examples.bpmn")) {
      CamundaClient client = fixture.client;
      JobWorker io = client.createJobWorker(WorkerConfig.of("io-bound-task").withJobTimeout(Duration.ofMillis(30_000)),
          ExecutionStrategy.THREAD, SeedExamplesTest::ioHandler);
      JobWorker cpu = client.createJobWorker(
          WorkerConfig.of("image-processing").withJobTimeout(Duration.ofMillis(120_000)),
          ExecutionStrategy.PROCESS, SeedExamplesTest::cpuHandler);

      ProcessInstanceCreationResult done = runToCompletion(client, "strategy-examples", Map.of());

      assertThat(done.variables()).containsEntry("done", true).containsEntry("computed", true);
      assertThat(io.strategy()).isEqualTo(ExecutionStrategy.THREAD);
      assertThat(cpu.strategy()).isEqualTo(ExecutionStrategy.PROCESS);
    }
  }

  static Object ioHandler(SyncJobContext job) {
    return Map.of("done", true);
  }

  static Object cpuHandler(JobContext job) {
    return Map.of("computed", true);
  }

  @Test
  void workersInheritTimeoutAndConcurrencyFromTheEnvironment() {
    try (var engine = org.camunda4j.engine.Engine.start();
        CamundaClient client = CamundaClient.builder()
            .environment(Map.of(
                "CAMUNDA_REST_ADDRESS", engine.restAddress().toString(),
                "CAMUNDA_WORKER_TIMEOUT", "30000",
                "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "32"))
            .build()) {
      client.deployResourcesFromClasspath("bpmn/heritable-defaults.bpmn");
      JobWorker payment = client.createJobWorker(WorkerConfig.of("payment-service"),
          (SyncJobContext job) -> Map.of("paid", true));
      JobWorker notification = client.createJobWorker(WorkerConfig.of("notification-service"),
          (SyncJobContext job) -> Map.of("notified", true));
      client.createJobWorker(WorkerConfig.of("shipping-service"), (SyncJobContext job) -> Map.of("shipped", true));

      ProcessInstanceCreationResult done = runToCompletion(client, "heritable-defaults", Map.of());

      assertThat(done.variables()).containsEntry("paid", true).containsEntry("notified", true)
          .containsEntry("shipped", true);
      assertThat(payment.maxConcurrentJobs()).isEqualTo(32);
      assertThat(notification.maxConcurrentJobs()).isEqualTo(32);
    }
  }

  @Test
  void workersInheritTimeoutConcurrencyAndNameFromTheClientConfiguration() {
    List<String> workerNamesSeenOnJobs = new CopyOnWriteArrayList<>();
    try (EngineFixture fixture = EngineFixture.start(Map.of(
        "CAMUNDA_WORKER_TIMEOUT", "30000",
        "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "16",
        "CAMUNDA_WORKER_NAME", "my-app")).deploy("bpmn/heritable-defaults.bpmn")) {
      CamundaAsyncClient client = fixture.asyncClient();
      JobWorker payment = client.createJobWorker(WorkerConfig.of("payment-service"), ExecutionStrategy.ASYNC, job -> {
        workerNamesSeenOnJobs.add(job.worker());
        return CompletableFuture.completedFuture(Map.of("paid", true));
      });
      JobWorker shipping = client.createJobWorker(WorkerConfig.of("shipping-service"), ExecutionStrategy.ASYNC, job -> {
        workerNamesSeenOnJobs.add(job.worker());
        return CompletableFuture.completedFuture(Map.of("shipped", true));
      });
      client.createJobWorker(WorkerConfig.of("notification-service"),
          ExecutionStrategy.ASYNC, job -> CompletableFuture.completedFuture(null));

      runToCompletion(fixture.client, "heritable-defaults", Map.of());

      assertThat(List.of(payment, shipping)).allSatisfy(worker -> {
        assertThat(worker.maxConcurrentJobs()).isEqualTo(16);
        assertThat(worker.workerName()).isEqualTo("my-app");
      });
      assertThat(workerNamesSeenOnJobs).containsOnly("my-app").hasSize(2);
    }
  }

  @Test
  void failingAJob_jobFailureSetsRetriesAndBackoff() {
    List<Integer> retriesSeen = new CopyOnWriteArrayList<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/input-validation.bpmn")) {
      JobWorker worker = fixture.asyncClient().createJobWorker(
          WorkerConfig.of("validate-input").withJobTimeout(EngineFixture.lock()),
          ExecutionStrategy.ASYNC, job -> {
            retriesSeen.add(job.retries());
            if (retriesSeen.size() == 1 && job.variables().get("required_field") == null) {
              throw new JobFailure("Missing required field", 2, Duration.ofMillis(5000));
            }
            return CompletableFuture.completedFuture(Map.of("result", "ok"));
          });
      long key = fixture.start("input-validation", Map.of());

      Await.until("the first attempt to be failed", () -> worker.stats().failed() == 1);
      assertThat(retriesSeen).hasSize(1);
      // The retry back-off runs on the engine clock: move it past the 5 s instead of waiting.
      fixture.engine.clock().advance(Duration.ofSeconds(6));
      fixture.awaitCompleted(key);

      assertThat(retriesSeen).containsExactly(3, 2);
    }
  }

  @Test
  void failingAJob_anUnhandledExceptionDecrementsRetriesUntilAnIncident() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/input-validation.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(
          WorkerConfig.of("validate-input").withJobTimeout(EngineFixture.lock()),
          (SyncJobContext job) -> {
            throw new IllegalStateException("database unreachable");
          });
      long key = fixture.start("input-validation", Map.of());

      Incident incident = Await.value("an incident", Await.DEFAULT, () -> fixture.client
          .searchIncidents(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(key))))
          .items().stream().findFirst());

      assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
      assertThat(incident.errorMessage()).isEqualTo("database unreachable");
      Await.until("three failures to be counted", () -> worker.stats().failed() == 3);
    }
  }

  @Test
  void throwingABpmnError_isCaughtByTheBoundaryEvent() {
    List<Object> rejectedAmounts = new CopyOnWriteArrayList<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/payment-limit.bpmn")) {
      JobWorker payments = fixture.asyncClient().createJobWorker(
          WorkerConfig.of("payment-limit-check").withJobTimeout(EngineFixture.lock()),
          ExecutionStrategy.ASYNC, job -> {
            Number amount = (Number) job.variables().asMap().getOrDefault("amount", 0);
            if (amount.intValue() > 10_000) {
              throw new JobError("AMOUNT_TOO_HIGH", "Payment exceeds limit");
            }
            return CompletableFuture.completedFuture(Map.of("status", "approved"));
          });
      fixture.client.createJobWorker(WorkerConfig.of("handle-rejection").withJobTimeout(EngineFixture.lock()),
          (SyncJobContext job) -> {
            rejectedAmounts.add(job.variables().get("amount"));
            return null;
          });

      ProcessInstanceCreationResult small = runToCompletion(fixture.client, "payment-limit", Map.of("amount", 50));
      ProcessInstanceCreationResult large = runToCompletion(fixture.client, "payment-limit", Map.of("amount", 20_000));

      assertThat(small.variables()).containsEntry("status", "approved");
      assertThat(large.variables()).doesNotContainKey("status");
      assertThat(rejectedAmounts).containsExactly(20_000); // only the large payment took the error path
      Await.until("the BPMN error to be counted", () -> payments.stats().errored() == 1);
    }
  }

  @Test
  void jobCorrections_aListenerCorrectsTheAssigneeAndPriority() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/task-corrections.bpmn")) {
      fixture.asyncClient().createJobWorker(WorkerConfig.of("validate-task").withJobTimeout(EngineFixture.lock()),
          ExecutionStrategy.ASYNC, job -> CompletableFuture.completedFuture(new JobCompletionRequest(
              JobResultUserTask.correct(JobResultCorrections.none().withAssignee("corrected-user").withPriority(80)))));
      long key = fixture.start("task-corrections", Map.of());
      UserTask task = awaitUserTask(fixture, key);

      fixture.client.assignUserTask(task.userTaskKey(), "someone");

      UserTask corrected = Await.value("the corrected assignment", Await.DEFAULT, () -> {
        UserTask current = fixture.client.getUserTask(task.userTaskKey());
        return "corrected-user".equals(current.assignee()) ? java.util.Optional.of(current) : java.util.Optional.empty();
      });
      assertThat(corrected.priority()).isEqualTo(80);
    }
  }

  @Test
  void jobCorrections_aListenerDeniesTheCompletion() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/task-denial.bpmn")) {
      fixture.client.createJobWorker(WorkerConfig.of("review-task").withJobTimeout(EngineFixture.lock()),
          (SyncJobContext job) -> new JobCompletionRequest(JobResultUserTask.deny("Insufficient documentation")));
      long key = fixture.start("task-denial", Map.of());
      UserTask task = awaitUserTask(fixture, key);

      assertThatThrownBy(() -> fixture.client.completeUserTask(task.userTaskKey(), Map.of()))
          .isInstanceOfSatisfying(CamundaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.detail()).contains("Insufficient documentation");
          });
      assertThat(fixture.client.getProcessInstance(key).isActive()).isTrue();
    }
  }

  private static UserTask awaitUserTask(EngineFixture fixture, long processInstanceKey) {
    return Await.value("the user task", Await.DEFAULT, () -> fixture.client
        .searchUserTasks(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(processInstanceKey))))
        .items().stream().filter(t -> "CREATED".equals(t.state())).findFirst());
  }
}
