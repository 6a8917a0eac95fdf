package org.camunda4j.engine.usertask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.usertask.UserTaskAttributesTest.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Task listeners (issue 5, item 2): TASK_LISTENER jobs that run one after another in model order,
 * see the task, correct it or deny the transition, while the REST call that started the transition
 * waits for them.
 */
class TaskListenerTest extends UserTaskScenario {

  private static final String HEADER = "io.camunda.zeebe:";

  @Test
  void aCreatingListenerSeesTheNewTaskWhichIsCreatedOnceItCompletes() {
    String instance = start("task-listeners-all-events");
    JsonNode creating = http.awaitUserTask(instance, "CREATING");
    String key = creating.path("userTaskKey").asText();

    JsonNode job = http.activateOne("on-creating");

    assertThat(job.path("kind").asText()).isEqualTo("TASK_LISTENER");
    assertThat(job.path("listenerEventType").asText()).isEqualTo("CREATING");
    assertThat(job.path("retries").asInt()).isEqualTo(3);
    assertThat(job.path("elementId").asText()).isEqualTo("Task_Review");
    assertThat(job.path("elementInstanceKey").asText()).isEqualTo(creating.path("elementInstanceKey").asText());
    JsonNode userTask = job.path("userTask");
    assertThat(userTask.path("userTaskKey").asText()).isEqualTo(key);
    assertThat(strings(userTask.path("candidateGroups"))).containsExactly("reviewers");
    assertThat(userTask.path("priority").asInt()).isEqualTo(50);
    assertThat(userTask.path("assignee").isNull()).isTrue();
    assertThat(strings(userTask.path("changedAttributes"))).isEmpty();
    JsonNode headers = job.path("customHeaders");
    assertThat(headers.path("department").asText()).as("the task's own headers").isEqualTo("sales");
    assertThat(headers.path(HEADER + "userTaskKey").asText()).isEqualTo(key);
    assertThat(headers.path(HEADER + "candidateGroups").asText()).isEqualTo("[\"reviewers\"]");
    assertThat(headers.path(HEADER + "priority").asText()).isEqualTo("50");
    assertThat(headers.has(HEADER + "assignee")).as("no header for an absent attribute").isFalse();

    http.completeJobOk(job.path("jobKey").asText(), Map.of());

    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CREATED");
  }

  @Test
  void anAssignmentWaitsForItsListenerAndACorrectionNeedsNoUpdatingEvent() {
    String key = createdTaskWithAllListeners();

    CompletableFuture<UserTaskHttp.Response> assignment =
        http.postAsync("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));
    http.awaitUserTask(http.userTask(key).path("processInstanceKey").asText(), "ASSIGNING");
    JsonNode job = http.activateOne("on-assigning");

    assertThat(assignment).as("waits for the listener").isNotDone();
    assertThat(job.path("listenerEventType").asText()).isEqualTo("ASSIGNING");
    assertThat(job.path("userTask").path("assignee").asText()).isEqualTo("alice");
    assertThat(job.path("userTask").path("action").asText()).isEqualTo("assign");
    assertThat(strings(job.path("userTask").path("changedAttributes"))).containsExactly("assignee");
    assertThat(job.path("customHeaders").path(HEADER + "assignee").asText()).isEqualTo("alice");
    assertThat(job.path("customHeaders").path(HEADER + "changedAttributes").asText()).isEqualTo("[\"assignee\"]");
    assertThat(job.path("customHeaders").path(HEADER + "action").asText()).isEqualTo("assign");

    http.completeJobOk(job.path("jobKey").asText(), Map.of("result", Map.of("type", "userTask", "corrections", Map.of("priority", 99))));

    assertThat(assignment.join().status()).isEqualTo(204);
    JsonNode task = http.userTask(key);
    assertThat(task.path("assignee").asText()).isEqualTo("alice");
    assertThat(task.path("priority").asInt()).isEqualTo(99);
    assertThat(task.path("state").asText()).isEqualTo("CREATED");
    assertThat(http.activateNow("on-updating")).as("corrections fire no updating event").isEmpty();
  }

  @Test
  void aTaskInATransitionRejectsOtherCommands() {
    String key = createdTaskWithAllListeners();
    CompletableFuture<UserTaskHttp.Response> assignment =
        http.postAsync("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));
    JsonNode job = http.activateOne("on-assigning");

    UserTaskHttp.Response completion = http.post("/user-tasks/" + key + "/completion", Map.of());

    assertThat(completion.status()).isEqualTo(409);
    assertThat(completion.detail())
        .isEqualTo("Expected to complete user task with key '" + key + "', but it is in state 'ASSIGNING'");
    http.completeJobOk(job.path("jobKey").asText(), Map.of());
    assertThat(assignment.join().status()).isEqualTo(204);
  }

  @Test
  void anUpdatingListenerSeesWhatTheUpdateChanges() {
    String key = createdTaskWithAllListeners();

    CompletableFuture<UserTaskHttp.Response> update =
        http.patchAsync("/user-tasks/" + key, Map.of("changeset", Map.of("priority", 80, "dueDate", "2030-06-01T09:00:00Z")));
    JsonNode job = http.activateOne("on-updating");

    assertThat(job.path("listenerEventType").asText()).isEqualTo("UPDATING");
    assertThat(strings(job.path("userTask").path("changedAttributes"))).containsExactly("dueDate", "priority");
    assertThat(job.path("userTask").path("priority").asInt()).isEqualTo(80);
    assertThat(job.path("userTask").path("dueDate").asText()).isEqualTo("2030-06-01T09:00:00Z");
    assertThat(job.path("userTask").path("action").asText()).isEqualTo("update");
    assertThat(http.userTask(key).path("priority").asInt()).as("not applied before the listeners finish").isEqualTo(50);

    http.completeJobOk(job.path("jobKey").asText(), Map.of());

    assertThat(update.join().status()).isEqualTo(204);
    assertThat(http.userTask(key).path("priority").asInt()).isEqualTo(80);
  }

  @Test
  void anUpdateDeniedByItsListenerFailsAndChangesNothing() {
    String key = createdTaskWithAllListeners();
    CompletableFuture<UserTaskHttp.Response> update = http.patchAsync("/user-tasks/" + key, Map.of("changeset", Map.of("priority", 5)));
    JsonNode job = http.activateOne("on-updating");

    http.completeJobOk(job.path("jobKey").asText(), Map.of("result", Map.of("denied", true, "deniedReason", "too low")));

    UserTaskHttp.Response response = update.join();
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().path("title").asText()).isEqualTo("INVALID_STATE");
    assertThat(response.detail())
        .isEqualTo(
            "Command 'UPDATE' rejected with code 'INVALID_STATE': Update of the User Task with key '" + key
                + "' was denied by Task Listener. Reason to deny: 'too low'");
    assertThat(http.userTask(key).path("priority").asInt()).isEqualTo(50);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CREATED");
  }

  @Test
  void listenersOfOneEventRunOneAfterAnotherInModelOrder() {
    String key = http.awaitUserTask(start("task-listeners-order"), "CREATED").path("userTaskKey").asText();

    CompletableFuture<UserTaskHttp.Response> completion = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    JsonNode first = http.activateOne("first-completing");
    assertThat(http.activateNow("second-completing")).as("the second waits for the first").isEmpty();
    http.completeJobOk(first.path("jobKey").asText(), Map.of());
    JsonNode second = http.activateOne("second-completing");
    assertThat(completion).isNotDone();
    http.completeJobOk(second.path("jobKey").asText(), Map.of());

    assertThat(completion.join().status()).isEqualTo(204);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void correctionsAreSeenByTheNextListenerAndKeptAtTheEnd() {
    String key = http.awaitUserTask(start("task-listeners-corrections"), "CREATED").path("userTaskKey").asText();
    CompletableFuture<UserTaskHttp.Response> assignment =
        http.postAsync("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));

    JsonNode first = http.activateOne("first-assigning");
    http.completeJobOk(
        first.path("jobKey").asText(),
        Map.of("result", Map.of("type", "userTask", "corrections", Map.of("assignee", "bob", "priority", 90, "candidateGroups", List.of("leads")))));
    JsonNode second = http.activateOne("second-assigning");

    JsonNode seen = second.path("userTask");
    assertThat(seen.path("assignee").asText()).isEqualTo("bob");
    assertThat(seen.path("priority").asInt()).isEqualTo(90);
    assertThat(strings(seen.path("candidateGroups"))).containsExactly("leads");
    assertThat(strings(seen.path("changedAttributes"))).containsExactly("assignee", "candidateGroups", "priority");
    assertThat(second.path("customHeaders").path(HEADER + "priority").asText()).isEqualTo("90");
    JsonNode meanwhile = http.userTask(key);
    assertThat(meanwhile.path("assignee").isNull()).as("applied only at the end").isTrue();
    assertThat(meanwhile.path("priority").asInt()).isEqualTo(50);

    Map<String, Object> clearGroups = new HashMap<>();
    clearGroups.put("candidateGroups", List.of());
    clearGroups.put("assignee", null); // null keeps the corrected value
    http.completeJobOk(second.path("jobKey").asText(), Map.of("result", Map.of("type", "userTask", "corrections", clearGroups)));

    assertThat(assignment.join().status()).isEqualTo(204);
    JsonNode task = http.userTask(key);
    assertThat(task.path("assignee").asText()).isEqualTo("bob");
    assertThat(task.path("priority").asInt()).isEqualTo(90);
    assertThat(strings(task.path("candidateGroups"))).isEmpty();
  }

  @Test
  void aDenialDropsEarlierCorrectionsAndFailsTheAssignment() {
    String key = http.awaitUserTask(start("task-listeners-corrections"), "CREATED").path("userTaskKey").asText();
    CompletableFuture<UserTaskHttp.Response> assignment =
        http.postAsync("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));
    http.completeJobOk(
        http.activateOne("first-assigning").path("jobKey").asText(),
        Map.of("result", Map.of("corrections", Map.of("priority", 90))));

    http.completeJobOk(
        http.activateOne("second-assigning").path("jobKey").asText(),
        Map.of("result", Map.of("type", "userTask", "denied", true, "deniedReason", "alice is on leave")));

    UserTaskHttp.Response response = assignment.join();
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.detail())
        .isEqualTo(
            "Command 'ASSIGN' rejected with code 'INVALID_STATE': Assignment of the User Task with key '" + key
                + "' was denied by Task Listener. Reason to deny: 'alice is on leave'");
    JsonNode task = http.userTask(key);
    assertThat(task.path("state").asText()).isEqualTo("CREATED");
    assertThat(task.path("assignee").isNull()).isTrue();
    assertThat(task.path("priority").asInt()).as("the first listener's correction is dropped").isEqualTo(50);
  }

  @Test
  void aDeniedCompletionLeavesTheTaskOpenAndASecondCompletionPasses() {
    String instance = start("task-listener-completing-denial");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    CompletableFuture<UserTaskHttp.Response> denied =
        http.postAsync("/user-tasks/" + key + "/completion", Map.of("variables", Map.of("approved", true)));
    http.completeJobOk(
        http.activateOne("check-completion").path("jobKey").asText(),
        Map.of("result", Map.of("denied", true, "deniedReason", "missing signature")));

    assertThat(denied.join().status()).isEqualTo(409);
    assertThat(denied.join().detail())
        .isEqualTo(
            "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task with key '" + key
                + "' was denied by Task Listener. Reason to deny: 'missing signature'");
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CREATED");
    assertThat(http.search("variables", Map.of("name", "approved"))).as("completion variables are dropped").isEmpty();
    assertThat(http.activateNow("after-review")).isEmpty();

    CompletableFuture<UserTaskHttp.Response> second = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    http.completeListener("check-completion");

    assertThat(second.join().status()).isEqualTo(204);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("COMPLETED");
    assertThat(http.activateOne("after-review").path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(http.search("jobs", Map.of("type", "check-completion", "processInstanceKey", instance)))
        .as("the job search tells the denying listener job from the passing one")
        .extracting(j -> j.path("isDenied").asBoolean(), j -> j.path("deniedReason").isNull() ? null : j.path("deniedReason").asText())
        .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(true, "missing signature"), org.assertj.core.api.Assertions.tuple(false, null));
    assertThat(http.search("jobs", Map.of("isDenied", true))).hasSize(1);
    assertThat(http.search("jobs", Map.of("type", "after-review")).getFirst().get("isDenied").isNull())
        .as("a job that is no listener cannot deny")
        .isTrue();
  }

  @Test
  void everyRejectionRuleOfAListenerResultIsA400AndChangesNothing() {
    String key = createdTaskWithAllListeners();
    CompletableFuture<UserTaskHttp.Response> completion = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    String job = http.activateOne("on-completing").path("jobKey").asText();

    UserTaskHttp.Response withVariables = http.completeJob(job, Map.of("variables", Map.of("x", 1)));
    UserTaskHttp.Response deniedAndCorrected =
        http.completeJob(job, Map.of("result", Map.of("denied", true, "corrections", Map.of("priority", 1))));
    UserTaskHttp.Response unknownCorrection =
        http.completeJob(job, Map.of("result", Map.of("corrections", Map.of("name", "renamed"))));

    assertThat(withVariables.status()).isEqualTo(400);
    assertThat(withVariables.detail()).startsWith("Task Listener job completion with variables payload provided is not yet supported");
    assertThat(deniedAndCorrected.status()).isEqualTo(400);
    assertThat(deniedAndCorrected.detail()).contains("denied").contains("corrections");
    assertThat(unknownCorrection.status()).isEqualTo(400);
    assertThat(unknownCorrection.detail()).contains("[name]");
    assertThat(completion).isNotDone();

    http.completeJobOk(job, Map.of("variables", Map.of()));
    assertThat(completion.join().status()).isEqualTo(204);
  }

  @Test
  void creatingAndCancelingCannotBeDenied() {
    String instance = start("task-listeners-all-events");
    String creating = http.activateOne("on-creating").path("jobKey").asText();

    UserTaskHttp.Response deniedCreation = http.completeJob(creating, Map.of("result", Map.of("denied", true)));
    assertThat(deniedCreation.status()).isEqualTo(400);
    assertThat(deniedCreation.detail()).contains("'CREATING'");
    http.completeJobOk(creating, Map.of());
    http.awaitUserTask(instance, "CREATED");

    assertThat(http.post("/process-instances/" + instance + "/cancellation", Map.of()).status()).isEqualTo(204);
    String canceling = http.activateOne("on-canceling").path("jobKey").asText();
    UserTaskHttp.Response deniedCancellation = http.completeJob(canceling, Map.of("result", Map.of("denied", true)));
    assertThat(deniedCancellation.status()).isEqualTo(400);
    assertThat(deniedCancellation.detail()).contains("'CANCELING'");
  }

  @Test
  void aCreatingListenerMayAssignATaskWhoseModelAssignsNobody() {
    String instance = start("task-listener-creating");

    http.completeJobOk(
        http.activateOne("creating-check").path("jobKey").asText(), Map.of("result", Map.of("corrections", Map.of("assignee", "zoe"))));

    assertThat(http.awaitUserTask(instance, "CREATED").path("assignee").asText()).isEqualTo("zoe");
  }

  @Test
  void theModelsAssigneeIsAssignedAfterCreationAndCannotBeCorrectedWhileCreating() {
    String instance = start("task-listener-model-assignee");
    JsonNode creating = http.activateOne("creating-check");
    assertThat(creating.path("userTask").path("assignee").isNull()).as("not yet assigned while creating").isTrue();

    UserTaskHttp.Response correction =
        http.completeJob(creating.path("jobKey").asText(), Map.of("result", Map.of("corrections", Map.of("assignee", "zoe"))));
    assertThat(correction.status()).isEqualTo(400);
    assertThat(correction.detail()).contains("assignee").contains("ASSIGNING");

    http.completeJobOk(creating.path("jobKey").asText(), Map.of());
    JsonNode assigning = http.activateOne("assigning-check");
    assertThat(assigning.path("userTask").path("assignee").asText()).isEqualTo("alice");
    assertThat(strings(assigning.path("userTask").path("changedAttributes"))).containsExactly("assignee");
    http.completeJobOk(assigning.path("jobKey").asText(), Map.of());

    JsonNode task = http.awaitUserTask(instance, "CREATED");
    assertThat(task.path("assignee").asText()).isEqualTo("alice");
  }

  @Test
  void aListenerOutOfRetriesRaisesAnIncidentAndResolvingItRerunsOnlyThatListener() {
    String instance = start("task-listener-failing");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();
    CompletableFuture<UserTaskHttp.Response> completion = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    String fragile = http.activateOne("fragile-listener").path("jobKey").asText();

    assertThat(http.post("/jobs/" + fragile + "/failure", Map.of("retries", 0, "errorMessage", "service down")).status()).isEqualTo(204);

    JsonNode incident =
        UserTaskHttp.eventually(
                "an incident", () -> http.search("incidents", Map.of("processInstanceKey", instance)), list -> !list.isEmpty())
            .getFirst();
    assertThat(incident.path("errorType").asText()).isEqualTo("TASK_LISTENER_NO_RETRIES");
    assertThat(incident.path("jobKey").asText()).isEqualTo(fragile);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("COMPLETING");
    assertThat(http.activateNow("steady-listener")).isEmpty();

    assertThat(http.patch("/jobs/" + fragile, Map.of("changeset", Map.of("retries", 1))).status()).isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    assertThat(http.activateOne("fragile-listener").path("jobKey").asText()).as("the same listener job again").isEqualTo(fragile);
    http.completeJobOk(fragile, Map.of());
    http.completeListener("steady-listener");
    assertThat(completion.join().status()).isEqualTo(204);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void aListenerTypeFromFeelThatFailsRaisesAnIncidentWhoseResolutionRunsThatListener() {
    String instance = start("task-listener-feel-type", Map.of("listenerRetries", 2));
    JsonNode incident =
        UserTaskHttp.eventually(
                "an incident", () -> http.search("incidents", Map.of("processInstanceKey", instance)), list -> !list.isEmpty())
            .getFirst();
    assertThat(incident.path("errorType").asText()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Review");
    String key = http.awaitUserTask(instance, "CREATING").path("userTaskKey").asText();

    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("team", "sales"))).status())
        .isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    JsonNode job = http.activateOne("on-create-sales");
    assertThat(job.path("retries").asInt()).isEqualTo(2);
    assertThat(job.path("listenerEventType").asText()).isEqualTo("CREATING");
    http.completeJobOk(job.path("jobKey").asText(), Map.of());
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CREATED");
  }

  @Test
  void aListenerJobCannotThrowABpmnError() {
    start("task-listeners-all-events");
    String job = http.activateOne("on-creating").path("jobKey").asText();

    UserTaskHttp.Response response = http.post("/jobs/" + job + "/error", Map.of("errorCode", "NOPE"));

    assertThat(response.status()).isEqualTo(409);
  }

  @Test
  void cancelingListenersHoldTheCancellationUntilTheyComplete() {
    String instance = start("task-listener-canceling");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    assertThat(http.post("/process-instances/" + instance + "/cancellation", Map.of()).status()).isEqualTo(204);
    JsonNode job = http.activateOne("on-canceling");

    assertThat(job.path("listenerEventType").asText()).isEqualTo("CANCELING");
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CANCELING");
    assertThat(http.get("/process-instances/" + instance).json().path("state").asText()).isEqualTo("ACTIVE");

    http.completeJobOk(job.path("jobKey").asText(), Map.of("result", Map.of("corrections", Map.of("priority", 1))));

    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CANCELED");
    assertThat(http.userTask(key).path("priority").asInt()).as("corrections while canceling do not last").isEqualTo(50);
    assertThat(http.get("/process-instances/" + instance).json().path("state").asText()).isEqualTo("TERMINATED");
  }

  @Test
  void anInterruptingBoundaryEventCancelsTheTaskAndTheInstanceEndsOnceTheCancelingListenerCompletes() {
    String instance = start("task-listener-canceling-by-boundary", Map.of("orderId", "o-9"));
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    UserTaskHttp.Response published =
        http.post("/messages/publication", Map.of("name", "order-withdrawn", "correlationKey", "o-9", "timeToLive", 0));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    JsonNode job = http.activateOne("on-canceling");
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CANCELING");
    assertThat(http.get("/process-instances/" + instance).json().path("state").asText())
        .as("the canceling task still holds its scope")
        .isEqualTo("ACTIVE");

    http.completeJobOk(job.path("jobKey").asText(), Map.of());

    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CANCELED");
    UserTaskHttp.eventually(
        "the instance to complete",
        () -> http.get("/process-instances/" + instance).json().path("state").asText(),
        "COMPLETED"::equals);
  }

  @Test
  void aCallWaitingForListenersFailsWhenTheTaskIsCanceled() {
    String instance = start("task-listener-completing-denial");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();
    CompletableFuture<UserTaskHttp.Response> completion = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    String listener = http.activateOne("check-completion").path("jobKey").asText();

    http.post("/process-instances/" + instance + "/cancellation", Map.of());

    assertThat(completion.join().status()).isEqualTo(409);
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CANCELED");
    assertThat(http.completeJob(listener, Map.of()).status()).as("the listener job was canceled with the task").isEqualTo(404);
  }

  @Test
  void theEventNamesOfCamunda86StillWork() {
    String instance = start("task-listener-legacy-names");
    assertThat(http.completeListener("legacy-create").path("listenerEventType").asText()).isEqualTo("CREATING");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    CompletableFuture<UserTaskHttp.Response> assignment = http.postAsync("/user-tasks/" + key + "/assignment", Map.of("assignee", "al"));
    assertThat(http.completeListener("legacy-assignment").path("listenerEventType").asText()).isEqualTo("ASSIGNING");
    assertThat(assignment.join().status()).isEqualTo(204);

    CompletableFuture<UserTaskHttp.Response> completion = http.postAsync("/user-tasks/" + key + "/completion", Map.of());
    assertThat(http.completeListener("legacy-complete").path("listenerEventType").asText()).isEqualTo("COMPLETING");
    assertThat(completion.join().status()).isEqualTo(204);
  }

  /** A task of task-listeners-all-events, past its creating listener. */
  private String createdTaskWithAllListeners() {
    String instance = start("task-listeners-all-events");
    http.completeListener("on-creating");
    return http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();
  }
}
