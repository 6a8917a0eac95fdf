package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;

/** Each handler outcome of the seed, and the job context, against the in-process engine. */
class OutcomesTest {

  record Receipt(String receiptId, int amount) {}

  public static final class Invoice {
    private final String invoiceId = "inv-7";

    public String getInvoiceId() {
      return invoiceId;
    }
  }

  record Order(String orderId, int amount) {}

  record Headers(String region, String priority) {}

  private static WorkerConfig work() {
    return WorkerConfig.of("work").withJobTimeout(EngineFixture.lock());
  }

  private static Map<String, Object> complete(EngineFixture fixture, Map<String, Object> variables) {
    return fixture.client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
        .withVariables(variables).withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(60))).variables();
  }

  private static Incident awaitIncident(EngineFixture fixture, long processInstanceKey) {
    return Await.value("an incident", Await.DEFAULT, () -> fixture.client
        .searchIncidents(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(processInstanceKey))))
        .items().stream().findFirst());
  }

  @Test
  void aReturnedRecordCompletesWithItsComponentsAsVariables() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> new Receipt("r-1", 42));

      assertThat(complete(fixture, Map.of("orderId", "o-1")))
          .containsEntry("receiptId", "r-1").containsEntry("amount", 42);
    }
  }

  @Test
  void aReturnedBeanCompletesWithItsPropertiesAsVariables() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> new Invoice());

      assertThat(complete(fixture, Map.of("orderId", "o-1"))).containsEntry("invoiceId", "inv-7");
    }
  }

  @Test
  void nullCompletesWithoutVariables() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(work(), (SyncJobContext job) -> null);

      assertThat(complete(fixture, Map.of("orderId", "o-1"))).containsOnlyKeys("orderId");
      Await.until("the completion to be counted", () -> worker.stats().completed() == 1);
    }
  }

  @Test
  void aJobCompletionRequestIsSentAsGiven() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.asyncClient().createJobWorker(work(), ExecutionStrategy.ASYNC, job ->
          CompletableFuture.completedFuture(JobCompletionRequest.withVariables(Map.of("explicit", true))));

      assertThat(complete(fixture, Map.of("orderId", "o-1"))).containsEntry("explicit", true);
    }
  }

  @Test
  void aJobFailureWithoutRetriesDecrementsTheCurrentRetries() {
    List<Integer> retriesSeen = new CopyOnWriteArrayList<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> {
        retriesSeen.add(job.retries());
        if (retriesSeen.size() == 1) {
          throw new JobFailure("not yet");
        }
        return Map.of();
      });

      complete(fixture, Map.of("orderId", "o-1"));

      assertThat(retriesSeen).containsExactly(3, 2);
    }
  }

  @Test
  void aStageFailedWithAJobFailureOfZeroRetriesRaisesAnIncidentWithItsMessage() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.asyncClient().createJobWorker(work(), ExecutionStrategy.ASYNC, job ->
          CompletableFuture.failedFuture(new JobFailure("give up now", 0, Duration.ZERO)));
      long key = fixture.start("work", Map.of("orderId", "o-1"));

      Incident incident = awaitIncident(fixture, key);

      assertThat(incident.errorMessage()).isEqualTo("give up now");
      assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
    }
  }

  @Test
  void anExceptionFailsTheJobWithItsMessageTruncated() {
    String longMessage = "x".repeat(5000);
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(work(), (SyncJobContext job) -> {
        throw new IllegalArgumentException(longMessage);
      });
      long key = fixture.start("work", Map.of("orderId", "o-1"));

      Incident incident = awaitIncident(fixture, key);

      assertThat(incident.errorMessage()).hasSize(1000).startsWith("xxxx").endsWith("…");
      Await.until("three failures to be counted", () -> worker.stats().failed() == 3);
    }
  }

  @Test
  void anErrorSuchAsAnAssertionFailureFailsTheJobInsteadOfLeavingItLocked() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> {
        throw new AssertionError("mock expectation not met");
      });
      long key = fixture.start("work", Map.of("orderId", "o-1"));

      assertThat(awaitIncident(fixture, key).errorMessage()).isEqualTo("mock expectation not met");
    }
  }

  @Test
  void aReturnValueThatIsNotASetOfVariablesFailsTheJobSayingWhatToReturn() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> "done");
      long key = fixture.start("work", Map.of("orderId", "o-1"));

      assertThat(awaitIncident(fixture, key).errorMessage())
          .contains("java.lang.String").contains("return a Map, a record or bean, a JobCompletionRequest or null");
    }
  }

  @Test
  void aHandlerThatCompletesItsOwnJobIsNotAcknowledgedAgain() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(work(), (SyncJobContext job) -> {
        job.client().completeJob(job.jobKey(), Map.of("byHandler", true));
        return Map.of("byWorker", true);
      });

      Map<String, Object> variables = complete(fixture, Map.of("orderId", "o-1"));

      assertThat(variables).containsEntry("byHandler", true).doesNotContainKey("byWorker");
      Await.until("the job to leave the worker", () -> worker.stats().inFlight() == 0);
      assertThat(worker.stats().completed()).isZero();
      assertThat(worker.stats().ackNotFound()).isZero();
    }
  }

  @Test
  void variablesAndHeadersBindToRecords() {
    AtomicReference<Order> order = new AtomicReference<>();
    AtomicReference<Headers> headers = new AtomicReference<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> {
        order.set(job.variables().as(Order.class));
        headers.set(job.customHeaders().as(Headers.class));
        return null;
      });

      complete(fixture, Map.of("orderId", "o-9", "amount", 120, "unrelated", "ignored"));

      assertThat(order.get()).isEqualTo(new Order("o-9", 120));
      assertThat(headers.get()).isEqualTo(new Headers("eu-west", "high"));
    }
  }

  @Test
  void aBindingFailureFailsTheJobWithAMessageNamingTheField() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), (SyncJobContext job) -> job.variables().as(Order.class));
      long key = fixture.start("work", Map.of("orderId", "o-1", "amount", "a lot"));

      assertThat(awaitIncident(fixture, key).errorMessage())
          .startsWith("Cannot bind job variables to Order: field 'amount'");
    }
  }

  @Test
  void theContextExposesTheJob() {
    AtomicReference<JobContext> seen = new AtomicReference<>();
    AtomicReference<Duration> remaining = new AtomicReference<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.asyncClient().createJobWorker(work().withWorkerName("ctx-worker"), ExecutionStrategy.ASYNC, job -> {
        seen.set(job);
        remaining.set(job.timeRemaining());
        return job.extendTimeout(Duration.ofMinutes(2)).thenApply(v -> Map.of());
      });
      long key = fixture.start("work", Map.of("orderId", "o-1"));
      fixture.awaitCompleted(key);

      JobContext job = seen.get();
      assertThat(job.processInstanceKey()).isEqualTo(key);
      assertThat(job.type()).isEqualTo("work");
      assertThat(job.elementId()).isEqualTo("Task_Work");
      assertThat(job.processDefinitionId()).isEqualTo("work");
      assertThat(job.worker()).isEqualTo("ctx-worker");
      assertThat(job.kind()).isEqualTo("BPMN_ELEMENT");
      assertThat(job.retries()).isEqualTo(3);
      assertThat(job.tenantId()).isEqualTo("<default>");
      assertThat(job.variables().get("id")).isEqualTo("o-1"); // from the task's input mapping
      assertThat(job.customHeaders().asMap()).containsEntry("region", "eu-west");
      assertThat(remaining.get()).isPositive().isLessThanOrEqualTo(EngineFixture.lock());
      assertThat(job.timeRemaining()).isGreaterThan(EngineFixture.lock()); // extended to 2 minutes
      assertThat(job.log().getName()).isEqualTo("org.camunda4j.sdk.job");
    }
  }

  @Test
  void fetchVariablesLimitsWhatTheHandlerSees() {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work().withFetchVariables(List.of("orderId")), (SyncJobContext job) -> {
        seen.set(job.variables().asMap());
        return null;
      });

      complete(fixture, Map.of("orderId", "o-1", "secret", "s3cr3t"));

      assertThat(seen.get()).containsEntry("orderId", "o-1").doesNotContainKey("secret");
    }
  }

  @Test
  void virtualThreadsRunBlockingHandlers() {
    AtomicReference<Boolean> virtual = new AtomicReference<>();
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      fixture.client.createJobWorker(work(), ExecutionStrategy.VIRTUAL, job -> {
        virtual.set(Thread.currentThread().isVirtual());
        return Map.of("ran", true);
      });

      assertThat(complete(fixture, Map.of("orderId", "o-1"))).containsEntry("ran", true);
      assertThat(virtual.get()).isTrue();
    }
  }

  @Test
  void manyInstancesAreAllProcessedAndNoSlotLeaks() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(work().withMaxConcurrentJobs(4), (SyncJobContext job) -> {
        if ((int) job.variables().get("n") % 5 == 0) {
          throw new JobFailure("every fifth fails once", job.retries() - 1, Duration.ZERO);
        }
        return Map.of("doubled", (int) job.variables().get("n") * 2);
      });
      List<Long> keys = new CopyOnWriteArrayList<>();
      for (int n = 1; n <= 40; n++) {
        keys.add(fixture.start("work", Map.of("orderId", "o-" + n, "n", n)));
      }

      Await.until("all 32 non-failing instances to complete", () -> keys.stream()
          .filter(k -> fixture.client.getProcessInstance(k).isCompleted()).count() == 32);
      Await.until("the worker to be idle", () -> worker.stats().inFlight() == 0);

      assertThat(worker.stats().completed()).isEqualTo(32);
      var internals = (org.camunda4j.sdk.internal.worker.DefaultJobWorker) worker;
      assertThat(internals.slotOverReleases()).isZero();
      worker.close();
      assertThat(internals.slotsInUse()).isZero();
      assertThat(Optional.of(worker.stats().failed())).hasValueSatisfying(f -> assertThat(f).isGreaterThanOrEqualTo(8));
    }
  }
}
