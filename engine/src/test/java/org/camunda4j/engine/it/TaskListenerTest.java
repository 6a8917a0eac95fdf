package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * User task listeners (issue 5 §2): TASK_LISTENER jobs, corrections, denial and the 400 rules.
 * The REST call that starts a transition waits for its listeners, so it runs in the background
 * while the test plays the listener's worker.
 */
class TaskListenerTest extends EngineScenario {

  @Test
  void aCreatingListenerIsATaskListenerJobCarryingTheUserTask() {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    String instance = http.createInstance("task-listener-all-events");

    JsonNode job = http.activateOne("on-creating");

    assertThat(job.path("kind").asText()).isEqualTo("TASK_LISTENER");
    assertThat(job.path("listenerEventType").asText()).isEqualTo("CREATING");
    assertThat(job.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(job.path("userTask").isObject()).isTrue();
    Keys.assertKey(job.path("userTask").path("userTaskKey"));
    assertThat(job.path("customHeaders").path("io.camunda.zeebe:userTaskKey").asText())
        .isEqualTo(job.path("userTask").path("userTaskKey").asText());
    http.completeJob(job.path("jobKey").asText(), Map.of());
    UserTaskTest.awaitTaskOf(http, instance);
  }

  @Test
  void anAssigningListenerCorrectsPriorityAndCandidateGroupsBeforeTheAssignmentAnswers() throws Exception {
    http.deployOk(bpmn("task-listener-assigning-corrections.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-assigning-corrections"));
    CompletableFuture<EngineHttp.Response> assignment =
        CompletableFuture.supplyAsync(
            () -> http.post("/user-tasks/" + UserTaskTest.key(task) + "/assignment", Map.of("assignee", "carol")));

    JsonNode listener = http.activateOne("adjust-assignment");
    assertThat(listener.path("listenerEventType").asText()).isEqualTo("ASSIGNING");
    assertThat(listener.path("userTask").path("assignee").asText()).isEqualTo("carol");
    assertThat(assignment).as("the assignment waits for its listener").isNotDone();
    completeListener(listener, Map.of("priority", 80, "candidateGroups", List.of("senior-reviewers")));

    assertThat(assignment.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
    JsonNode updated = http.get("/user-tasks/" + UserTaskTest.key(task)).json();
    assertThat(updated.path("assignee").asText()).isEqualTo("carol");
    assertThat(updated.path("priority").asInt()).isEqualTo(80);
    assertThat(updated.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("senior-reviewers");
  }

  @Test
  void aCompletingListenerThatDeniesMakesTheCompletionFailWith409AndKeepsTheTaskOpen() throws Exception {
    http.deployOk(bpmn("task-listener-completing-denial.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-completing-denial"));
    String taskKey = UserTaskTest.key(task);

    CompletableFuture<EngineHttp.Response> denied = completeInBackground(taskKey);
    JsonNode listener = http.activateOne("check-completion");
    assertThat(listener.path("listenerEventType").asText()).isEqualTo("COMPLETING");
    denyListener(listener, "missing signature");

    String detail = assertProblem(denied.get(20, TimeUnit.SECONDS), 409, "INVALID_STATE");
    assertThat(detail).contains("denied").contains("missing signature");
    assertThat(http.get("/user-tasks/" + taskKey).json().path("state").asText()).isEqualTo("CREATED");
    assertThat(http.activateNow("after-review")).isEmpty();

    CompletableFuture<EngineHttp.Response> accepted = completeInBackground(taskKey);
    completeListener(http.activateOne("check-completion"), null);
    assertThat(accepted.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
    http.activateOne("after-review");
  }

  @Test
  void listenersOfOneEventRunOneAfterAnotherAndSeeEarlierCorrections() throws Exception {
    http.deployOk(bpmn("task-listener-order.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-order"));
    CompletableFuture<EngineHttp.Response> completion = completeInBackground(UserTaskTest.key(task));

    JsonNode first = http.activateOne("first-completing");
    assertThat(http.activateNow("second-completing")).as("the second waits for the first").isEmpty();
    completeListener(first, Map.of("priority", 10));

    JsonNode second = http.activateOne("second-completing");
    assertThat(second.path("userTask").path("priority").asInt()).isEqualTo(10);
    assertThat(second.path("userTask").path("changedAttributes")).extracting(JsonNode::asText).contains("priority");
    completeListener(second, null);
    assertThat(completion.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
  }

  @Test
  void anAssigningListenerThatDeniesMakesTheAssignmentFailWith409() throws Exception {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    String instance = http.createInstance("task-listener-all-events");
    http.completeNext("on-creating", Map.of());
    String taskKey = UserTaskTest.key(UserTaskTest.awaitTaskOf(http, instance));
    CompletableFuture<EngineHttp.Response> assignment =
        CompletableFuture.supplyAsync(() -> http.post("/user-tasks/" + taskKey + "/assignment", Map.of("assignee", "carol")));

    denyListener(http.activateOne("on-assigning"), "carol is on leave");

    String detail = assertProblem(assignment.get(20, TimeUnit.SECONDS), 409, "INVALID_STATE");
    assertThat(detail).contains("Assignment").contains("carol is on leave");
    JsonNode task = http.get("/user-tasks/" + taskKey).json();
    assertThat(task.path("state").asText()).isEqualTo("CREATED");
    assertThat(task.get("assignee").isNull()).isTrue();
  }

  @Test
  void anUpdatingListenerRunsOnUpdateAndItsDenialKeepsTheOldValues() throws Exception {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    String instance = http.createInstance("task-listener-all-events");
    http.completeNext("on-creating", Map.of());
    String taskKey = UserTaskTest.key(UserTaskTest.awaitTaskOf(http, instance));
    int priorityBefore = http.get("/user-tasks/" + taskKey).json().path("priority").asInt();
    CompletableFuture<EngineHttp.Response> update =
        CompletableFuture.supplyAsync(() -> http.patch("/user-tasks/" + taskKey, Map.of("changeset", Map.of("priority", 99))));

    JsonNode listener = http.activateOne("on-updating");
    assertThat(listener.path("listenerEventType").asText()).isEqualTo("UPDATING");
    denyListener(listener, "priority is fixed");

    String detail = assertProblem(update.get(20, TimeUnit.SECONDS), 409, "INVALID_STATE");
    assertThat(detail).contains("Update").contains("priority is fixed");
    assertThat(http.get("/user-tasks/" + taskKey).json().path("priority").asInt()).isEqualTo(priorityBefore);
  }

  @Test
  void settingVariablesOnTheTaskScopeRunsTheUpdatingListener() throws Exception {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    String instance = http.createInstance("task-listener-all-events");
    http.completeNext("on-creating", Map.of());
    JsonNode task = UserTaskTest.awaitTaskOf(http, instance);
    String scope = task.path("elementInstanceKey").asText();
    CompletableFuture<EngineHttp.Response> update =
        CompletableFuture.supplyAsync(
            () -> http.put("/element-instances/" + scope + "/variables", Map.of("variables", Map.of("comment", "looks good"), "local", true)));

    JsonNode listener = http.activateOne("on-updating");
    assertThat(listener.path("listenerEventType").asText()).isEqualTo("UPDATING");
    completeListener(listener, null);

    assertThat(update.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
    assertThat(http.variablesOfScope(scope)).containsKey("comment");
  }

  @Test
  void theModelsAssigneeRunsTheAssigningListenerWhenTheTaskIsCreated() {
    http.deployOk(bpmn("task-listener-model-assignee-assigning.bpmn"));
    String instance = http.createInstance("task-listener-model-assignee-assigning");

    JsonNode listener = http.activateOne("on-model-assignment");
    assertThat(listener.path("listenerEventType").asText()).isEqualTo("ASSIGNING");
    assertThat(listener.path("userTask").path("assignee").asText()).isEqualTo("alice");
    completeListener(listener, null);

    assertThat(UserTaskTest.awaitTaskOf(http, instance).path("assignee").asText()).isEqualTo("alice");
  }

  @Test
  void emptyCorrectionsClearTheAttribute() throws Exception {
    http.deployOk(bpmn("task-listener-assigning-corrections.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-assigning-corrections"));
    CompletableFuture<EngineHttp.Response> assignment =
        CompletableFuture.supplyAsync(
            () -> http.post("/user-tasks/" + UserTaskTest.key(task) + "/assignment", Map.of("assignee", "carol")));

    completeListener(http.activateOne("adjust-assignment"), Map.of("candidateGroups", List.of()));

    assertThat(assignment.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
    assertThat(http.get("/user-tasks/" + UserTaskTest.key(task)).json().path("candidateGroups")).isEmpty();
  }

  @Test
  void aDenialDropsTheCorrectionsOfEarlierListeners() throws Exception {
    http.deployOk(bpmn("task-listener-order.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-order"));
    int priorityBefore = task.path("priority").asInt();
    CompletableFuture<EngineHttp.Response> completion = completeInBackground(UserTaskTest.key(task));

    completeListener(http.activateOne("first-completing"), Map.of("priority", 10));
    denyListener(http.activateOne("second-completing"), "not yet");

    assertProblem(completion.get(20, TimeUnit.SECONDS), 409, "INVALID_STATE");
    JsonNode after = http.get("/user-tasks/" + UserTaskTest.key(task)).json();
    assertThat(after.path("state").asText()).isEqualTo("CREATED");
    assertThat(after.path("priority").asInt()).isEqualTo(priorityBefore);
  }

  @Test
  void theActionOfTheCallReachesTheListenerAndDefaultsToComplete() throws Exception {
    http.deployOk(bpmn("task-listener-completing-denial.bpmn"));
    String taskKey = UserTaskTest.key(UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-completing-denial")));

    CompletableFuture<EngineHttp.Response> custom =
        CompletableFuture.supplyAsync(() -> http.post("/user-tasks/" + taskKey + "/completion", Map.of("action", "approve")));
    JsonNode first = http.activateOne("check-completion");
    assertThat(first.path("userTask").path("action").asText()).isEqualTo("approve");
    assertThat(first.path("customHeaders").path("io.camunda.zeebe:action").asText()).isEqualTo("approve");
    denyListener(first, "try again");
    assertProblem(custom.get(20, TimeUnit.SECONDS), 409, "INVALID_STATE");

    CompletableFuture<EngineHttp.Response> plain = completeInBackground(taskKey);
    JsonNode second = http.activateOne("check-completion");
    assertThat(second.path("userTask").path("action").asText()).isEqualTo("complete");
    completeListener(second, null);
    assertThat(plain.get(20, TimeUnit.SECONDS).status()).isEqualTo(204);
  }

  @Test
  void aPriorityCorrectionOutsideZeroToHundredIsRejected() {
    JsonNode listener = creatingListenerJob();

    assertProblem(
        http.post(
            "/jobs/" + listener.path("jobKey").asText() + "/completion",
            Map.of("result", Map.of("type", "userTask", "corrections", Map.of("priority", 101)))),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  void aListenerCompletionWithVariablesIsRejected() {
    JsonNode listener = creatingListenerJob();

    String detail =
        assertProblem(
            http.post("/jobs/" + listener.path("jobKey").asText() + "/completion", Map.of("variables", Map.of("x", 1))),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("variables");
  }

  @Test
  void aDenialTogetherWithCorrectionsIsRejected() throws Exception {
    http.deployOk(bpmn("task-listener-completing-denial.bpmn"));
    JsonNode task = UserTaskTest.awaitTaskOf(http, http.createInstance("task-listener-completing-denial"));
    completeInBackground(UserTaskTest.key(task));
    JsonNode listener = http.activateOne("check-completion");

    assertProblem(
        http.post(
            "/jobs/" + listener.path("jobKey").asText() + "/completion",
            Map.of("result", Map.of("type", "userTask", "denied", true, "corrections", Map.of("priority", 5)))),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  void aCreatingListenerCannotDeny() {
    JsonNode listener = creatingListenerJob();

    assertProblem(
        http.post(
            "/jobs/" + listener.path("jobKey").asText() + "/completion",
            Map.of("result", Map.of("type", "userTask", "denied", true, "deniedReason", "no"))),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  void aCorrectionOfAnAttributeOutsideTheSixIsRejected() {
    JsonNode listener = creatingListenerJob();

    assertProblem(
        http.post(
            "/jobs/" + listener.path("jobKey").asText() + "/completion",
            Map.of("result", Map.of("type", "userTask", "corrections", Map.of("name", "Renamed")))),
        400,
        "INVALID_ARGUMENT");
  }

  @Test
  void aCreatingListenerMayNotCorrectAnAssigneeTheModelSets() {
    http.deployOk(bpmn("task-listener-creating-with-model-assignee.bpmn"));
    http.createInstance("task-listener-creating-with-model-assignee");
    JsonNode listener = http.activateOne("creating-check");

    String detail =
        assertProblem(
            http.post(
                "/jobs/" + listener.path("jobKey").asText() + "/completion",
                Map.of("result", Map.of("type", "userTask", "corrections", Map.of("assignee", "mallory")))),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("assignee");
  }

  @Test
  void aListenerJobCannotThrowABpmnError() {
    JsonNode listener = creatingListenerJob();

    assertProblem(
        http.post("/jobs/" + listener.path("jobKey").asText() + "/error", Map.of("errorCode", "NOPE")), 409, "INVALID_STATE");
  }

  @Test
  void cancellingTheInstanceRunsTheCancelingListener() {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    String instance = http.createInstance("task-listener-all-events");
    http.completeNext("on-creating", Map.of());
    UserTaskTest.awaitTaskOf(http, instance);

    CompletableFuture.supplyAsync(() -> http.post("/process-instances/" + instance + "/cancellation", Map.of()));

    assertThat(http.activateOne("on-canceling").path("listenerEventType").asText()).isEqualTo("CANCELING");
  }

  @Test
  void aListenerOutOfRetriesRaisesATaskListenerIncidentWhoseResolutionRerunsIt() {
    http.deployOk(bpmn("task-listener-failing.bpmn"));
    String instance = http.createInstance("task-listener-failing");
    JsonNode task = UserTaskTest.awaitTaskOf(http, instance);
    completeInBackground(UserTaskTest.key(task));
    JsonNode listener = http.activateOne("fragile-listener");

    http.post("/jobs/" + listener.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "listener broke"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("TASK_LISTENER_NO_RETRIES");
    http.patch("/jobs/" + listener.path("jobKey").asText(), Map.of("changeset", Map.of("retries", 1)));
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);
    assertThat(http.activateOne("fragile-listener").path("listenerEventType").asText()).isEqualTo("COMPLETING");
  }

  private JsonNode creatingListenerJob() {
    http.deployOk(bpmn("task-listener-all-events.bpmn"));
    http.createInstance("task-listener-all-events");
    return http.activateOne("on-creating");
  }

  private CompletableFuture<EngineHttp.Response> completeInBackground(String taskKey) {
    return CompletableFuture.supplyAsync(() -> http.post("/user-tasks/" + taskKey + "/completion", Map.of()));
  }

  private void completeListener(JsonNode listener, Map<String, ?> corrections) {
    Map<String, Object> result = new java.util.HashMap<>();
    result.put("type", "userTask");
    result.put("denied", false);
    if (corrections != null) {
      result.put("corrections", corrections);
    }
    EngineHttp.Response response = http.post("/jobs/" + listener.path("jobKey").asText() + "/completion", Map.of("result", result));
    assertThat(response.status()).as("listener completion: %s", response).isEqualTo(204);
  }

  private void denyListener(JsonNode listener, String reason) {
    EngineHttp.Response response =
        http.post(
            "/jobs/" + listener.path("jobKey").asText() + "/completion",
            Map.of("result", Map.of("type", "userTask", "denied", true, "deniedReason", reason)));
    assertThat(response.status()).as("listener denial: %s", response).isEqualTo(204);
  }
}
