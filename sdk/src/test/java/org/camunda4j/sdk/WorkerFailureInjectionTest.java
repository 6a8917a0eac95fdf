package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.camunda4j.sdk.testing.StubServer.after;
import static org.camunda4j.sdk.testing.StubServer.dropConnection;
import static org.camunda4j.sdk.testing.StubServer.emptyLongPoll;
import static org.camunda4j.sdk.testing.StubServer.holdUntil;
import static org.camunda4j.sdk.testing.StubServer.job;
import static org.camunda4j.sdk.testing.StubServer.jobs;
import static org.camunda4j.sdk.testing.StubServer.noContent;
import static org.camunda4j.sdk.testing.StubServer.noJobs;
import static org.camunda4j.sdk.testing.StubServer.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.worker.DefaultJobWorker;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failures injected at every step of a worker's life through a scripted HTTP server: the worker never
 * stalls, never leaks a slot, and never drops an outcome silently.
 */
class WorkerFailureInjectionTest {

  private static final String ACTIVATION = "/v2/jobs/activation";
  private static final String COMPLETION = "/v2/jobs/\\d+/completion";
  private static final String FAILURE = "/v2/jobs/\\d+/failure";

  private final StubServer stub = new StubServer();
  private final CamundaClient client = CamundaClient.builder().environment(Map.of())
      .configuration(Map.of("CAMUNDA_REST_ADDRESS", stub.address().toString())).build();

  @AfterEach
  void closeEverything() {
    client.close();
    stub.close();
  }

  private static WorkerConfig config(int maxJobs) {
    return WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withMaxConcurrentJobs(maxJobs);
  }

  private static JsonNode json(StubServer.Request request) {
    try {
      return Json.mapper().readTree(request.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void assertNoLeak(JobWorker worker) {
    worker.close();
    DefaultJobWorker internals = (DefaultJobWorker) worker;
    assertThat(internals.slotsInUse()).as("slots still taken after close").isZero();
    assertThat(internals.slotOverReleases()).as("slots released twice").isZero();
  }

  @Test
  void activationErrorsBackOffExponentiallyAndTheWorkerRecovers() {
    stub.on("POST", ACTIVATION)
        .thenRespond(
            problem(503, "RESOURCE_EXHAUSTED", "busy"),
            problem(503, "RESOURCE_EXHAUSTED", "busy"),
            problem(500, "INTERNAL", "oops"),
            dropConnection(),
            jobs(job(1, "work", 3, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(200)));
    stub.on("POST", COMPLETION).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(2), (SyncJobContext job) -> Map.of("ok", true));

    Await.until("a run of errors to be visible", () -> worker.stats().consecutivePollErrors() >= 2);
    Await.until("the job to be completed", () -> worker.stats().completed() == 1);
    List<StubServer.Request> polls = stub.requests("POST", ACTIVATION);
    assertThat(worker.stats().pollErrors()).isEqualTo(4);
    assertThat(worker.stats().consecutivePollErrors()).isZero();
    // Equal jitter: the n-th retry waits at least half of min(10 s, 100 ms × 2^(n−1)).
    long[] minimumGapMillis = {50, 100, 200, 400};
    for (int n = 0; n < 4; n++) {
      long gap = TimeUnit.NANOSECONDS.toMillis(polls.get(n + 1).receivedAtNanos() - polls.get(n).receivedAtNanos());
      assertThat(gap).as("gap before retry %d", n + 1).isGreaterThanOrEqualTo(minimumGapMillis[n]);
    }
    assertNoLeak(worker);
  }

  @Test
  void theWorkerAsksOnlyForItsFreeCapacity() {
    CountDownLatch release = new CountDownLatch(1);
    stub.on("POST", ACTIVATION)
        .thenRespond(jobs(job(1, "work", 3, "{}"), job(2, "work", 3, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(3), (SyncJobContext job) -> {
      release.await(30, TimeUnit.SECONDS);
      return null;
    });

    Await.until("a second poll", () -> stub.requests("POST", ACTIVATION).size() >= 2);
    assertThat(json(stub.requests("POST", ACTIVATION).get(0)).get("maxJobsToActivate").asInt()).isEqualTo(3);
    assertThat(json(stub.requests("POST", ACTIVATION).get(1)).get("maxJobsToActivate").asInt()).isEqualTo(1);

    release.countDown();
    Await.until("a poll for the full capacity again", () -> {
      List<StubServer.Request> polls = stub.requests("POST", ACTIVATION);
      return json(polls.get(polls.size() - 1)).get("maxJobsToActivate").asInt() == 3;
    });
    assertThat(worker.stats().completed()).isEqualTo(2);
    assertNoLeak(worker);
  }

  @Test
  void theActivationRequestCarriesTheWorkerSettings() {
    stub.on("POST", ACTIVATION).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    try (CamundaClient tenantClient = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", stub.address() + "/v2/", "CAMUNDA_TENANT_IDS", "t1, t2"))
        .build()) {
      tenantClient.createJobWorker(config(5).withWorkerName("billing-1").withFetchVariables(List.of("a", "b"))
          .withRequestTimeout(Duration.ofSeconds(20)), (SyncJobContext job) -> null);

      Await.until("a poll", () -> !stub.requests("POST", ACTIVATION).isEmpty());
      JsonNode body = json(stub.requests("POST", ACTIVATION).get(0));
      assertThat(body.get("type").asText()).isEqualTo("work");
      assertThat(body.get("worker").asText()).isEqualTo("billing-1");
      assertThat(body.get("timeout").asLong()).isEqualTo(30_000);
      assertThat(body.get("maxJobsToActivate").asInt()).isEqualTo(5);
      assertThat(body.get("requestTimeout").asLong()).isEqualTo(20_000);
      assertThat(body.get("fetchVariable")).hasSize(2);
      assertThat(body.get("tenantIds").toString()).isEqualTo("[\"t1\",\"t2\"]");
      assertThat(body.has("tenantFilter")).isFalse();
    }
  }

  @Test
  void anAssignedTenantFilterIsSentWithoutTenantIds() {
    stub.on("POST", ACTIVATION).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    try (CamundaClient tenantClient = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", stub.address().toString(), "CAMUNDA_TENANT_IDS", "t1"))
        .build()) {
      tenantClient.createJobWorker(config(1).withTenantFilter(TenantFilter.ASSIGNED), (SyncJobContext job) -> null);

      Await.until("a poll", () -> !stub.requests("POST", ACTIVATION).isEmpty());
      JsonNode body = json(stub.requests("POST", ACTIVATION).get(0));
      assertThat(body.get("tenantFilter").asText()).isEqualTo("ASSIGNED");
      assertThat(body.has("tenantIds")).isFalse();
    }
  }

  @Test
  void completionIsRetriedOnTransientErrorsUntilAccepted() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(7, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).thenRespond(
        problem(503, "UNAVAILABLE", "leader change"), problem(502, "ABORTED", "cut"), dropConnection(),
        problem(429, "TOO_MANY_REQUESTS", "slow down"), noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> Map.of("v", 1));

    Await.until("the completion to be accepted", () -> worker.stats().completed() == 1);
    assertThat(stub.requests("POST", COMPLETION)).hasSize(5)
        .allSatisfy(r -> assertThat(json(r).get("variables").get("v").asInt()).isEqualTo(1));
    assertThat(worker.stats().ackFailed()).isZero();
    assertNoLeak(worker);
  }

  @Test
  void aJobThatIsAlreadyGoneIsCountedAndTheWorkerGoesOn() {
    stub.on("POST", ACTIVATION)
        .thenRespond(jobs(job(1, "work", 3, "{}")), jobs(job(2, "work", 3, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).thenRespond(problem(404, "NOT_FOUND", "no such job")).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> null);

    Await.until("the second job to be completed", () -> worker.stats().completed() == 1);
    assertThat(worker.stats().ackNotFound()).isEqualTo(1);
    assertNoLeak(worker);
  }

  @Test
  void aRejectedCompletionFailsTheJobInsteadOfLeavingItLocked() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(3, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(problem(400, "INVALID_ARGUMENT", "variables are not allowed here"));
    stub.on("POST", FAILURE).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> Map.of("x", 1));

    Await.until("the job to be failed", () -> worker.stats().failed() == 1);
    JsonNode failure = json(stub.requests("POST", FAILURE).get(0));
    assertThat(failure.get("retries").asInt()).isEqualTo(2);
    assertThat(failure.get("errorMessage").asText())
        .isEqualTo("Job completion was rejected: variables are not allowed here");
    assertNoLeak(worker);
  }

  @Test
  void aPermanentAcknowledgementErrorIsCountedAndTheWorkerKeepsPolling() {
    stub.on("POST", ACTIVATION)
        .thenRespond(jobs(job(1, "work", 3, "{}")), jobs(job(2, "work", 3, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    // A 409 is the cluster's final word (a 500 is retried: WorkersUnderFaultsTest).
    stub.on("POST", COMPLETION).thenRespond(problem(409, "INVALID_STATE", "not activated")).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> null);

    Await.until("the second job to be completed", () -> worker.stats().completed() == 1);
    assertThat(worker.stats().ackFailed()).isEqualTo(1);
    assertNoLeak(worker);
  }

  @Test
  void aThrowingHandlerFailsTheJobWithRetriesMinusOne() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(5, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", FAILURE).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> {
      throw new IllegalStateException("boom");
    });

    Await.until("the failure", () -> worker.stats().failed() == 1);
    JsonNode failure = json(stub.requests("POST", FAILURE).get(0));
    assertThat(failure.get("retries").asInt()).isEqualTo(2);
    assertThat(failure.get("errorMessage").asText()).isEqualTo("boom");
    assertThat(failure.get("retryBackOff").asLong()).isZero();
    assertThat(stub.requests("POST", FAILURE).get(0).path()).isEqualTo("/v2/jobs/5/failure");
    assertNoLeak(worker);
  }

  @Test
  void jobsBeyondWhatWasAskedForAreHandedBackUntouched() {
    stub.on("POST", ACTIVATION)
        .thenRespond(jobs(job(1, "work", 3, "{}"), job(2, "work", 2, "{}"), job(3, "work", 1, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());
    stub.on("POST", FAILURE).otherwise(noContent());

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> null);

    Await.until("two hand-backs", () -> worker.stats().handedBack() == 2);
    assertThat(stub.requests("POST", FAILURE)).extracting(r -> json(r).get("retries").asInt())
        .containsExactlyInAnyOrder(2, 1);
    Await.until("the first job to be completed", () -> worker.stats().completed() == 1);
    assertNoLeak(worker);
  }

  @Test
  void shutdownAbortsTheLongPollInFlight() {
    CountDownLatch never = new CountDownLatch(1);
    stub.on("POST", ACTIVATION).otherwise(holdUntil(never, noJobs()));
    JobWorker worker = client.createJobWorker(config(2), (SyncJobContext job) -> null);
    Await.until("the long poll to be parked", () -> stub.requests("POST", ACTIVATION).size() == 1);

    ShutdownResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> worker.shutdown(Duration.ofSeconds(5)));

    assertThat(result).isEqualTo(new ShutdownResult(0, 0));
    assertThat(worker.isRunning()).isFalse();
    assertThat(((DefaultJobWorker) worker).slotsInUse()).isZero();
    never.countDown();
  }

  @Test
  void shutdownLetsRunningHandlersFinishAndSendsTheirOutcome() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(9, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());
    JobWorker worker = client.createJobWorker(config(2), (SyncJobContext job) -> {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
      return Map.of("finished", true);
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    var shutdown = java.util.concurrent.CompletableFuture.supplyAsync(() -> worker.shutdown(Duration.ofSeconds(30)));
    Await.until("the worker to stop polling", () -> !worker.isRunning());
    int pollsWhenStopping = stub.requests("POST", ACTIVATION).size();
    release.countDown();
    ShutdownResult result = shutdown.get(60, TimeUnit.SECONDS);

    assertThat(result.abandoned()).isZero();
    assertThat(stub.requests("POST", COMPLETION)).singleElement()
        .satisfies(r -> assertThat(json(r).get("variables").get("finished").asBoolean()).isTrue());
    assertThat(stub.requests("POST", ACTIVATION)).hasSize(pollsWhenStopping);
    assertThat(worker.stats().completed()).isEqualTo(1);
  }

  @Test
  void aHandlerStillRunningAfterTheGracePeriodIsAbandonedAndInterrupted() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(9, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", FAILURE).otherwise(noContent());
    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw e;
      }
      return null;
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    ShutdownResult result = worker.shutdown(Duration.ofMillis(200));

    assertThat(result.abandoned()).isEqualTo(1);
    assertThat(result.timedOut()).isTrue();
    Await.until("the handler to be interrupted", interrupted::get);
    Await.until("the interrupted job to be handed back", () -> worker.stats().handedBack() == 1);
    assertThat(json(stub.requests("POST", FAILURE).get(0)).get("retries").asInt()).as("retries unchanged").isEqualTo(3);
  }

  @Test
  void acknowledgementsGiveUpWhenTheLockRunsOut() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(4, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(problem(503, "UNAVAILABLE", "down"));

    JobWorker worker = client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(1500)).withMaxConcurrentJobs(1),
        (SyncJobContext job) -> null);

    Await.until("the completion to be given up", () -> worker.stats().ackFailed() == 1);
    assertThat(stub.requests("POST", COMPLETION).size()).isGreaterThan(1);
    assertThat(worker.stats().completed()).isZero();
    assertNoLeak(worker);
  }

  @Test
  void aSlowServerDoesNotStopTheWorkerFromProcessing() {
    stub.on("POST", ACTIVATION)
        .thenRespond(after(Duration.ofMillis(500), jobs(job(1, "work", 3, "{}"))))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).thenRespond(after(Duration.ofMillis(500), noContent()));

    JobWorker worker = client.createJobWorker(config(1), (SyncJobContext job) -> null);

    Await.until("the completion", () -> worker.stats().completed() == 1);
    assertNoLeak(worker);
  }

  @Test
  void autoExtendRenewsTheLockWhileALongHandlerRuns() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(21, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("PATCH", "/v2/jobs/21").otherwise(noContent());
    stub.on("POST", COMPLETION).otherwise(noContent());
    JobWorker worker = client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(1500)).withMaxConcurrentJobs(1).withAutoExtendLock(),
        (SyncJobContext job) -> {
          Thread.sleep(4000); // longer than the 1.5 s lock
          return Map.of("long", true);
        });

    Await.until("the completion", () -> worker.stats().completed() == 1);

    assertThat(stub.requests("PATCH", "/v2/jobs/21")).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> assertThat(json(r).get("changeset").get("timeout").asLong()).isEqualTo(1500));
    assertThat(worker.stats().lockExtensions()).isGreaterThanOrEqualTo(2);
    assertThat(worker.stats().ackFailed()).isZero();
    assertNoLeak(worker);
  }

  @Test
  void withoutAutoExtendALongHandlerIsNotRenewed() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(22, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());
    JobWorker worker = client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(1500)).withMaxConcurrentJobs(1),
        (SyncJobContext job) -> {
          Thread.sleep(2000);
          return null;
        });

    Await.until("the handler to finish", () -> worker.stats().handled() == 1);

    assertThat(stub.requests("PATCH", "/v2/jobs/22")).isEmpty();
    assertThat(worker.stats().queueTime().isNegative()).isFalse();
    assertThat(worker.stats().started()).isEqualTo(1);
    assertNoLeak(worker);
  }
}
