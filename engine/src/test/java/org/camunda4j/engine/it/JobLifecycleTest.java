package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job state machine (engine-semantics §2.1, API §2.2–2.5): complete, fail, backoff, incidents,
 * throw error, timeouts and PATCH, with every 404/409/400 the reference names.
 */
class JobLifecycleTest extends EngineScenario {

  /** The required members of a job search item in 8.8, plus what 8.9 adds. */
  static final java.util.Set<String> JOB_SEARCH_FIELDS =
      java.util.Set.of(
          "customHeaders", "elementId", "elementInstanceKey", "hasFailedWithRetriesLeft", "jobKey", "kind",
          "listenerEventType", "processDefinitionId", "processDefinitionKey", "processInstanceKey", "retries",
          "state", "tenantId", "type", "worker", "creationTime", "lastUpdateTime", "rootProcessInstanceKey");

  private String instance;

  @BeforeEach
  void oneInstanceWaitingAtItsServiceTask() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    instance = http.createInstance("single-service-task", Map.of("orderId", "o-1"));
  }

  // ------------------------------------------------------------------ complete

  @Test
  void completingWithVariablesMergesThemIntoTheInstanceAndFinishesTheTask() {
    JsonNode job = http.activateOne("work");

    EngineHttp.Response response =
        http.post("/jobs/" + key(job) + "/completion", Map.of("variables", Map.of("invoice", "inv-9")));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.variablesOfScope(instance).get("invoice").asText()).isEqualTo("inv-9");
  }

  @Test
  void completionNeedsNoBodyAndAcceptsTheJavaClientsShapeWithNulls() {
    JsonNode job = http.activateOne("work");

    EngineHttp.Response response =
        http.post(
            "/jobs/" + key(job) + "/completion",
            """
            {"variables":{},"result":{"type":"userTask","denied":null,"deniedReason":null,"corrections":null}}
            """);

    assertThat(response.status()).as("%s", response).isEqualTo(204);
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aJobCanBeCompletedByKeyWithoutHavingBeenActivated() {
    http.awaitJobExists("work");
    String jobKey = http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst().path("jobKey").asText();

    assertThat(http.postWithoutBody("/jobs/" + jobKey + "/completion").status()).isEqualTo(204);
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void completingAnUnknownJobIs404NamingTheKey() {
    String detail = assertProblem(http.post("/jobs/2251799813699999/completion", Map.of()), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  @Test
  void completingAJobTwiceIs404TheSecondTime() {
    JsonNode job = http.activateOne("work");
    http.completeJob(key(job), Map.of());

    assertProblem(http.post("/jobs/" + key(job) + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void aNonNumericJobKeyIsRejected() {
    assertThat(http.post("/jobs/not-a-key/completion", Map.of()).status()).isIn(400, 404);
  }

  // ------------------------------------------------------------------ fail

  @Test
  void failingWithRetriesLeftMakesTheJobActivatableAgainWithThoseRetries() {
    JsonNode job = http.activateOne("work");

    EngineHttp.Response response =
        http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 2, "errorMessage", "database down"));

    assertThat(response.status()).isEqualTo(204);
    JsonNode again = http.activateOne("work");
    assertThat(key(again)).isEqualTo(key(job));
    assertThat(again.path("retries").asInt()).isEqualTo(2);
  }

  @Test
  void failingWithABackoffHidesTheJobUntilTheEngineClockPassesIt() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    JsonNode job = http.activateOne("work");

    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 2, "retryBackOff", 60_000));

    assertThat(http.activateNow("work")).as("still backing off").isEmpty();
    assertProblem(http.post("/jobs/" + key(job) + "/completion", Map.of()), 409, "INVALID_STATE");
    engine.clock().advance(Duration.ofSeconds(30));
    assertThat(http.activate("work", 1, 1_500).json().path("jobs")).as("half-way through the backoff").isEmpty();

    engine.clock().advance(Duration.ofSeconds(31));

    JsonNode again = http.activateOne("work");
    assertThat(key(again)).isEqualTo(key(job));
    assertThat(again.path("retries").asInt()).isEqualTo(2);
  }

  @Test
  void failureVariablesStayLocalToTheTask() {
    JsonNode job = http.activateOne("work");

    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 1, "variables", Map.of("lastError", "timeout")));

    JsonNode again = http.activateOne("work");
    assertThat(again.path("variables").path("lastError").asText()).isEqualTo("timeout");
    assertThat(http.variablesOfScope(instance)).doesNotContainKey("lastError");
    assertThat(http.variablesOfScope(again.path("elementInstanceKey").asText())).containsKey("lastError");
  }

  @Test
  void failingWithNoRetriesLeftRaisesAJobNoRetriesIncidentWithTheErrorMessage() {
    JsonNode job = http.activateOne("work");

    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0, "errorMessage", "card declined"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.path("errorMessage").asText()).isEqualTo("card declined");
    assertThat(incident.path("jobKey").asText()).isEqualTo(key(job));
    assertThat(incident.path("elementInstanceKey").asText()).isEqualTo(job.path("elementInstanceKey").asText());
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Work");
    assertThat(http.activateNow("work")).isEmpty();
    assertThat(http.getInstance(instance).path("hasIncident").asBoolean()).isTrue();
  }

  @Test
  void aFailureWithoutRetriesMeansZeroRetriesAndRaisesAnIncident() {
    JsonNode job = http.activateOne("work");

    // The TypeScript SDK's job.fail() passes its body through, so retries may simply be missing.
    assertThat(http.post("/jobs/" + key(job) + "/failure", Map.of("errorMessage", "gave up")).status()).isEqualTo(204);

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
    assertThat(incident.path("errorMessage").asText()).isEqualTo("gave up");
  }

  @Test
  void anIncidentWithoutErrorMessageSaysNoMoreRetriesLeft() {
    JsonNode job = http.activateOne("work");

    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));

    assertThat(http.awaitActiveIncident(instance).path("errorMessage").asText()).isEqualTo("No more retries left.");
  }

  @Test
  void resolvingAJobIncidentWhileTheJobHasNoRetriesIs409() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(instance);

    String detail =
        assertProblem(
            http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()),
            409,
            "INVALID_STATE");
    assertThat(detail).contains("retries");
  }

  @Test
  void raisingRetriesThenResolvingMakesTheJobActivatableAgain() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(http.patch("/jobs/" + key(job), Map.of("changeset", Map.of("retries", 3))).status()).isEqualTo(204);
    assertThat(http.activateNow("work")).as("still held by the incident").isEmpty();
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    JsonNode again = http.activateOne("work");
    assertThat(key(again)).isEqualTo(key(job));
    assertThat(again.path("retries").asInt()).isEqualTo(3);
    assertThat(http.awaitInstanceState(instance, "ACTIVE").path("hasIncident").asBoolean()).isFalse();
  }

  @Test
  void completingOrFailingAJobHeldByAnIncidentIs409() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));
    http.awaitActiveIncident(instance);

    String detail = assertProblem(http.post("/jobs/" + key(job) + "/completion", Map.of()), 409, "INVALID_STATE");
    assertThat(detail).contains("FAILED");
    assertProblem(http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 1)), 409, "INVALID_STATE");
  }

  @Test
  void throwingAnErrorForAJobHeldByAnIncidentIs409() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));
    http.awaitActiveIncident(instance);

    assertProblem(http.post("/jobs/" + key(job) + "/error", Map.of("errorCode", "LATE")), 409, "INVALID_STATE");
  }

  @Test
  void failingAnUnknownJobIs404() {
    assertProblem(http.post("/jobs/2251799813699999/failure", Map.of("retries", 1)), 404, "NOT_FOUND");
  }

  // ------------------------------------------------------------------ throw error

  @Test
  void anUncaughtErrorRaisesAnUnhandledErrorEventIncident() {
    JsonNode job = http.activateOne("work");

    EngineHttp.Response response =
        http.post("/jobs/" + key(job) + "/error", Map.of("errorCode", "CARD_DECLINED", "errorMessage", "insufficient funds"));

    assertThat(response.status()).isEqualTo(204);
    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.path("errorMessage").asText()).contains("CARD_DECLINED");
    assertThat(incident.path("jobKey").asText()).isEqualTo(key(job));
    assertThat(http.activateNow("work")).isEmpty();
    assertProblem(http.post("/jobs/" + key(job) + "/completion", Map.of()), 409, "INVALID_STATE");
  }

  @Test
  void resolvingAnUnhandledErrorIncidentReEnablesTheJob() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/error", Map.of("errorCode", "CARD_DECLINED"));
    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    assertThat(key(http.activateOne("work"))).isEqualTo(key(job));
  }

  @Test
  void throwingAnErrorWithoutErrorCodeIsRejected() {
    JsonNode job = http.activateOne("work");

    String detail = assertProblem(http.post("/jobs/" + key(job) + "/error", Map.of("errorMessage", "x")), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("errorCode");
  }

  @Test
  void throwingAnErrorOnAnUnknownJobIs404() {
    assertProblem(http.post("/jobs/2251799813699999/error", Map.of("errorCode", "X")), 404, "NOT_FOUND");
  }

  // ------------------------------------------------------------------ timeouts

  @Test
  void aJobWhoseDeadlinePassesIsActivatableAgainWithItsRetriesUnchanged() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    JsonNode job = activateWithTimeout(5_000);

    engine.clock().advance(Duration.ofSeconds(6));

    JsonNode again = http.activateOne("work");
    assertThat(key(again)).isEqualTo(key(job));
    assertThat(again.path("retries").asInt()).as("a timeout uses no retry").isEqualTo(3);
  }

  @Test
  void afterATimeoutTheFirstCompletionWinsWhicheverWorkerSendsIt() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    JsonNode firstLease = activateWithTimeout(5_000);
    engine.clock().advance(Duration.ofSeconds(6));
    JsonNode secondLease = http.activateOne("work");
    assertThat(key(secondLease)).isEqualTo(key(firstLease));

    // The slow first worker finishes after all: there is no worker check, so it wins.
    assertThat(http.post("/jobs/" + key(firstLease) + "/completion", Map.of()).status()).isEqualTo(204);

    assertProblem(http.post("/jobs/" + key(secondLease) + "/completion", Map.of()), 404, "NOT_FOUND");
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aJobIsNotHandedOutTwiceBeforeItsDeadline() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    activateWithTimeout(60_000);

    engine.clock().advance(Duration.ofSeconds(59));

    assertThat(http.activate("work", 1, 1_500).json().path("jobs")).isEmpty();
  }

  @Test
  void patchingTheTimeoutMovesTheDeadlineFromNow() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    JsonNode job = activateWithTimeout(5_000);

    assertThat(http.patch("/jobs/" + key(job), Map.of("changeset", Map.of("timeout", 60_000))).status()).isEqualTo(204);
    engine.clock().advance(Duration.ofSeconds(10));
    assertThat(http.activate("work", 1, 1_500).json().path("jobs")).as("the old deadline no longer applies").isEmpty();

    engine.clock().advance(Duration.ofSeconds(51));
    assertThat(key(http.activateOne("work"))).isEqualTo(key(job));
  }

  @Test
  void patchingTheTimeoutOfAJobThatIsNotActivatedIs409() {
    http.awaitJobExists("work");
    String jobKey = http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst().path("jobKey").asText();

    String detail =
        assertProblem(http.patch("/jobs/" + jobKey, Map.of("changeset", Map.of("timeout", 60_000))), 409, "INVALID_STATE");
    assertThat(detail).contains(jobKey);
  }

  @Test
  void patchingRetriesChangesTheRetriesOfTheNextActivation() {
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 1, "retryBackOff", 0));

    assertThat(http.patch("/jobs/" + key(job), Map.of("changeset", Map.of("retries", 9))).status()).isEqualTo(204);

    assertThat(http.activateOne("work").path("retries").asInt()).isEqualTo(9);
  }

  @Test
  void patchingWithAnEmptyChangesetIsRejectedNamingBothFields() {
    JsonNode job = http.activateOne("work");

    String detail = assertProblem(http.patch("/jobs/" + key(job), Map.of("changeset", Map.of())), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("retries").contains("timeout");
  }

  @Test
  void patchingNonPositiveRetriesIsRejected() {
    JsonNode job = http.activateOne("work");

    String detail =
        assertProblem(http.patch("/jobs/" + key(job), Map.of("changeset", Map.of("retries", 0))), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("retries");
  }

  @Test
  void patchingAnUnknownJobIs404() {
    assertProblem(http.patch("/jobs/2251799813699999", Map.of("changeset", Map.of("retries", 2))), 404, "NOT_FOUND");
  }

  // ------------------------------------------------------------------ search

  @Test
  void jobSearchFiltersByInstanceTypeStateAndWorker() {
    String other = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0, "errorMessage", "broken"));
    http.awaitActiveIncident(job.path("processInstanceKey").asText());

    List<JsonNode> failed = http.search("jobs", Map.of("filter", Map.of("state", "FAILED", "type", "work")));
    assertThat(failed).extracting(j -> j.path("jobKey").asText()).containsExactly(key(job));
    JsonNode item = failed.getFirst();
    assertThat(item.path("retries").asInt()).isZero();
    assertThat(item.path("errorMessage").asText()).isEqualTo("broken");
    assertThat(item.path("worker").asText()).isEqualTo("scenario-test");
    assertThat(item.path("kind").asText()).isEqualTo("BPMN_ELEMENT");
    assertThat(item.path("listenerEventType").asText()).isEqualTo("UNSPECIFIED");
    assertThat(item.path("elementId").asText()).isEqualTo("Task_Work");
    assertThat(item.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(ProcessInstanceApiTest.fieldNames(item)).containsAll(JOB_SEARCH_FIELDS);

    String stillWaiting = key(job).equals(jobOf(instance)) ? other : instance;
    assertThat(http.search("jobs", Map.of("filter", Map.of("processInstanceKey", stillWaiting))))
        .extracting(j -> j.path("state").asText())
        .containsExactly("CREATED");
    assertThat(http.search("jobs", Map.of("filter", Map.of("worker", "scenario-test"))))
        .extracting(j -> j.path("jobKey").asText())
        .containsExactly(key(job));
    assertThat(http.search("jobs", Map.of("filter", Map.of("type", "no-such-type")))).isEmpty();
  }

  private String jobOf(String processInstanceKey) {
    return http.search("jobs", Map.of("filter", Map.of("processInstanceKey", processInstanceKey)))
        .getFirst()
        .path("jobKey")
        .asText();
  }

  private JsonNode activateWithTimeout(long timeoutMs) {
    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of("type", "work", "worker", "w", "timeout", timeoutMs, "maxJobsToActivate", 1, "requestTimeout", 10_000));
    assertThat(response.json().path("jobs")).hasSize(1);
    return response.json().path("jobs").get(0);
  }

  private static String key(JsonNode job) {
    return job.path("jobKey").asText();
  }
}
