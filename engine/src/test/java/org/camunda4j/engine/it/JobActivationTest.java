package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/** POST /v2/jobs/activation: the activated-job shape, batch limits, variables and the long poll. */
class JobActivationTest extends EngineScenario {

  /** The 19 members of an 8.9 ActivatedJobResult; nothing more, nothing less. */
  static final Set<String> ACTIVATED_JOB_FIELDS =
      Set.of(
          "jobKey", "type", "worker", "retries", "deadline", "variables", "customHeaders",
          "processDefinitionId", "processDefinitionVersion", "processDefinitionKey",
          "processInstanceKey", "elementId", "elementInstanceKey", "tenantId", "kind",
          "listenerEventType", "userTask", "tags", "rootProcessInstanceKey");

  /**
   * The default long-poll timeout is raised far above every bound in this class, so that "answers
   * at once" can be told apart from "answered at the default timeout".
   */
  @Override
  protected EngineConfig engineConfig() {
    return EngineConfig.builder().longPollTimeout(Duration.ofMinutes(2)).build();
  }

  @Test
  void anActivatedJobHasExactlyThe19MembersOfThe89Shape() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");

    EngineHttp.Response response = http.activate("work", 1, 10_000);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode job = response.json().path("jobs").get(0);
    assertThat(ProcessInstanceApiTest.fieldNames(job)).containsExactlyInAnyOrderElementsOf(ACTIVATED_JOB_FIELDS);
    assertThat(job.get("userTask").isNull()).as("userTask is null for a BPMN_ELEMENT job").isTrue();
    assertThat(job.get("tags").isArray()).isTrue();
    assertThat(job.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(job.path("worker").asText()).isEqualTo("scenario-test");
    assertThat(job.get("deadline").isIntegralNumber()).as("deadline is epoch millis, not a date").isTrue();
    JsonNode root = job.get("rootProcessInstanceKey");
    assertThat(root.isNull() || root.asText().equals(instance))
        .as("rootProcessInstanceKey of a root instance is null or the instance itself, was %s", root)
        .isTrue();
  }

  @Test
  void activationAnswersAtOnceWhenAJobIsWaiting() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");
    http.awaitJobExists("work");

    CompletableFuture<EngineHttp.Response> answer = CompletableFuture.supplyAsync(() -> http.activate("work", 5, 60_000));

    EngineHttp.Response response = answer.get(20, TimeUnit.SECONDS);
    assertThat(response.json().path("jobs")).hasSize(1);
  }

  @Test
  void theDeadlineIsTheEngineTimePlusTheRequestedTimeout() {
    Instant pinned = Instant.parse("2030-01-01T10:00:00Z");
    engine.clock().pin(pinned);
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of("type", "work", "worker", "w", "timeout", 30_000, "maxJobsToActivate", 1, "requestTimeout", 10_000));

    assertThat(response.json().path("jobs").get(0).path("deadline").asLong())
        .isEqualTo(pinned.toEpochMilli() + 30_000);
    // Everywhere else dates are RFC 3339 strings, the job search's deadline included.
    JsonNode found = http.search("jobs", Map.of("filter", Map.of("type", "work"))).getFirst();
    assertThat(OffsetDateTime.parse(found.path("deadline").asText()).toInstant())
        .isEqualTo(pinned.plusMillis(30_000));
  }

  @Test
  void theWorkerNameIsRecordedOnTheJob() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of("type", "work", "worker", "billing-worker-7", "timeout", 60_000, "maxJobsToActivate", 1, "requestTimeout", 10_000));

    assertThat(response.json().path("jobs").get(0).path("worker").asText()).isEqualTo("billing-worker-7");
    List<JsonNode> found = http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance)));
    assertThat(found).hasSize(1);
    assertThat(found.getFirst().path("worker").asText()).isEqualTo("billing-worker-7");
  }

  @Test
  void noMoreThanMaxJobsToActivateAreHandedOutOldestFirst() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String first = http.createInstance("single-service-task");
    String second = http.createInstance("single-service-task");
    String third = http.createInstance("single-service-task");
    http.awaitJobCount("work", 3);

    List<JsonNode> batch = http.activateJobs("work", 2);
    List<JsonNode> rest = http.activateJobs("work", 2);

    assertThat(batch).extracting(j -> j.path("processInstanceKey").asText()).containsExactly(first, second);
    assertThat(rest).extracting(j -> j.path("processInstanceKey").asText()).containsExactly(third);
  }

  @Test
  void aRetriedJobGoesBackToItsOriginalPlaceAheadOfNewerJobs() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String older = http.createInstance("single-service-task");
    JsonNode olderJob = http.activateOne("work");
    assertThat(olderJob.path("processInstanceKey").asText()).isEqualTo(older);
    http.createInstance("single-service-task");
    http.awaitJobCount("work", 2);

    http.post("/jobs/" + olderJob.path("jobKey").asText() + "/failure", Map.of("retries", 2));

    assertThat(http.activateOne("work").path("jobKey").asText()).isEqualTo(olderJob.path("jobKey").asText());
  }

  @Test
  void aBatchStaysWithinTheFourMegabyteMessageLimitAndTheRestFollowsInLaterBatches() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String payload = "y".repeat(1_500_000);
    for (int i = 0; i < 4; i++) {
      http.createInstance("single-service-task", Map.of("payload", payload));
    }
    http.awaitJobCount("work", 4);

    EngineHttp.Response first = http.activate("work", 4, 10_000);

    assertThat(first.status()).isEqualTo(200);
    int firstBatch = first.json().path("jobs").size();
    assertThat(firstBatch).as("jobs that fit into 4 MB").isBetween(1, 2);
    assertThat(first.body().length()).isLessThanOrEqualTo(4 * 1024 * 1024);
    int handedOut = firstBatch;
    while (handedOut < 4) {
      int next = http.activateJobs("work", 4).size();
      assertThat(next).as("the jobs left over come in later batches").isPositive();
      handedOut += next;
    }
  }

  @Test
  void fetchVariableLimitsTheVariablesHandedOut() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task", Map.of("a", 1, "b", 2, "c", 3));

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of(
                "type", "work", "timeout", 60_000, "maxJobsToActivate", 1, "requestTimeout", 10_000,
                "fetchVariable", List.of("a", "c")));

    JsonNode variables = response.json().path("jobs").get(0).path("variables");
    assertThat(ProcessInstanceApiTest.fieldNames(variables)).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void anEmptyFetchVariableListMeansAllVariables() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task", Map.of("a", 1, "b", 2, "c", 3));

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of(
                "type", "work", "timeout", 60_000, "maxJobsToActivate", 1, "requestTimeout", 10_000,
                "fetchVariable", List.of()));

    JsonNode variables = response.json().path("jobs").get(0).path("variables");
    assertThat(ProcessInstanceApiTest.fieldNames(variables)).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void theDefaultTenantCanBeNamedExplicitly() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of(
                "type", "work", "timeout", 60_000, "maxJobsToActivate", 1, "requestTimeout", 10_000,
                "tenantIds", List.of("<default>"), "tenantFilter", "PROVIDED"));

    assertThat(response.json().path("jobs")).hasSize(1);
  }

  @Test
  void anotherTenantIsRejectedBecauseMultiTenancyIsOff() {
    String detail =
        assertProblem(
            http.post(
                "/jobs/activation",
                Map.of("type", "work", "timeout", 60_000, "maxJobsToActivate", 1, "tenantIds", List.of("acme"))),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("acme");
  }

  @Test
  void aParkedActivationAnswersWhenTheJobIsCreatedNotAtItsTimeout() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    CompletableFuture<EngineHttp.Response> parked = CompletableFuture.supplyAsync(() -> http.activate("work", 1, 60_000));

    String instance = http.createInstance("single-service-task");

    // 20 s is a third of the request timeout: an answer by then came from the wake-up.
    EngineHttp.Response response = parked.get(20, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("jobs")).hasSize(1);
    assertThat(response.json().path("jobs").get(0).path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void aParkedActivationIsNotWokenByJobsOfAnotherType() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"), bpmn("service-task-headers.bpmn"));
    CompletableFuture<EngineHttp.Response> parked = CompletableFuture.supplyAsync(() -> http.activate("work", 1, 60_000));

    http.createInstance("service-task-headers");
    http.awaitJobExists("with-headers");
    String wanted = http.createInstance("single-service-task");

    EngineHttp.Response response = parked.get(20, TimeUnit.SECONDS);
    assertThat(response.json().path("jobs")).extracting(j -> j.path("processInstanceKey").asText()).containsExactly(wanted);
  }

  @Test
  void anActivationWithNothingToDoAnswersAnEmptyListAtItsRequestTimeout() {
    EngineHttp.Response response = http.activate("nothing-here", 1, 300);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertThat(response.json().path("jobs").isArray()).isTrue();
    assertThat(response.json().path("jobs")).isEmpty();
  }

  @Test
  void aNegativeRequestTimeoutAnswersAtOnceEvenWithoutJobs() throws Exception {
    CompletableFuture<EngineHttp.Response> answer = CompletableFuture.supplyAsync(() -> http.activate("nothing-here", 1, -1));

    // The engine's default long poll is two minutes here, so an answer within 20 s did not wait.
    EngineHttp.Response response = answer.get(20, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("jobs")).isEmpty();
  }

  @Test
  void aMissingTypeIsRejected() {
    String detail =
        assertProblem(http.post("/jobs/activation", Map.of("timeout", 1000, "maxJobsToActivate", 1)), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("type");
  }

  @Test
  void aNonPositiveTimeoutIsRejected() {
    String detail =
        assertProblem(
            http.post("/jobs/activation", Map.of("type", "work", "timeout", 0, "maxJobsToActivate", 1)),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("timeout");
  }

  @Test
  void aNonPositiveMaxJobsToActivateIsRejected() {
    String detail =
        assertProblem(
            http.post("/jobs/activation", Map.of("type", "work", "timeout", 1000, "maxJobsToActivate", 0)),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("maxJobsToActivate");
  }

  @Test
  void explicitNullsAndUnknownFieldsAreAccepted() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            """
            {"type":"work","worker":null,"timeout":60000,"maxJobsToActivate":1,"requestTimeout":10000,
             "fetchVariable":null,"tenantIds":null,"tenantFilter":null,"withLease":false,"someFutureField":{"x":1}}
            """);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("jobs")).hasSize(1);
  }

  @Test
  void jobsFromManyInstancesAreAllHandedOutAcrossBatches() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    Map<String, Boolean> instances = new HashMap<>();
    for (int i = 0; i < 7; i++) {
      instances.put(http.createInstance("single-service-task"), false);
    }
    http.awaitJobCount("work", 7);

    for (int round = 0; round < 3; round++) {
      http.activateJobs("work", 3).forEach(j -> instances.put(j.path("processInstanceKey").asText(), true));
    }

    assertThat(instances).allSatisfy((key, activated) -> assertThat(activated).as("instance %s", key).isTrue());
  }
}
