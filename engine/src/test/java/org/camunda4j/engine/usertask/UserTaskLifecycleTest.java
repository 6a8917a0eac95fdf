package org.camunda4j.engine.usertask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.usertask.UserTaskAttributesTest.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Assigning, updating, completing, getting and searching user tasks over REST, and what happens to
 * a task when its element ends (issue 5, item 1). No task listeners here: every call answers at once.
 */
class UserTaskLifecycleTest extends UserTaskScenario {

  @Test
  void assignReassignAndUnassign() {
    String key = createdTask("user-task-defaults");

    assertThat(http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice")).status()).isEqualTo(204);
    assertThat(http.userTask(key).path("assignee").asText()).isEqualTo("alice");

    assertThat(http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "bob")).status()).isEqualTo(204);
    assertThat(http.userTask(key).path("assignee").asText()).isEqualTo("bob");

    assertThat(http.delete("/user-tasks/" + key + "/assignee").status()).isEqualTo(204);
    assertThat(http.userTask(key).path("assignee").isNull()).isTrue();
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("CREATED");
  }

  @Test
  void withoutAllowOverrideATaskAssignedToSomeoneElseIsNotTaken() {
    String key = createdTask("user-task-defaults");
    http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));

    UserTaskHttp.Response taken = http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "bob", "allowOverride", false));
    UserTaskHttp.Response sameUser = http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice", "allowOverride", false));

    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().path("title").asText()).isEqualTo("INVALID_STATE");
    assertThat(taken.detail()).contains(key).contains("already been assigned");
    assertThat(sameUser.status()).isEqualTo(204);
    assertThat(http.userTask(key).path("assignee").asText()).isEqualTo("alice");
  }

  @Test
  void anAssignmentNeedsAnAssignee() {
    String key = createdTask("user-task-defaults");

    UserTaskHttp.Response response = http.post("/user-tasks/" + key + "/assignment", Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.detail()).contains("assignee");
  }

  @Test
  void anUpdateChangesWhatItNamesAndClearsWhatItEmpties() {
    String key = createdTask("user-task-static-attributes");

    UserTaskHttp.Response changed =
        http.patch(
            "/user-tasks/" + key,
            Map.of("changeset", Map.of("dueDate", "2032-02-02T08:00:00Z", "candidateGroups", List.of("auditors"), "priority", 10)));
    assertThat(changed.status()).isEqualTo(204);
    JsonNode task = http.userTask(key);
    assertThat(task.path("dueDate").asText()).isEqualTo("2032-02-02T08:00:00Z");
    assertThat(strings(task.path("candidateGroups"))).containsExactly("auditors");
    assertThat(task.path("priority").asInt()).isEqualTo(10);
    assertThat(strings(task.path("candidateUsers"))).as("not named, so kept").containsExactly("alice", "bob");

    UserTaskHttp.Response cleared =
        http.patch("/user-tasks/" + key, Map.of("changeset", Map.of("followUpDate", "", "candidateUsers", List.of())));
    assertThat(cleared.status()).isEqualTo(204);
    task = http.userTask(key);
    assertThat(task.path("followUpDate").isNull()).isTrue();
    assertThat(strings(task.path("candidateUsers"))).isEmpty();
    assertThat(task.path("dueDate").asText()).isEqualTo("2032-02-02T08:00:00Z");
  }

  @Test
  void anUpdateWithoutChangesNeedsAnAction() {
    String key = createdTask("user-task-defaults");

    UserTaskHttp.Response nothing = http.patch("/user-tasks/" + key, Map.of("changeset", Map.of()));
    UserTaskHttp.Response actionOnly = http.patch("/user-tasks/" + key, Map.of("action", "escalate"));

    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.detail()).startsWith("No update data provided");
    assertThat(actionOnly.status()).isEqualTo(204);
  }

  @Test
  void completionMergesItsVariablesAndTheProcessGoesOn() {
    String instance = start("user-task-static-attributes", Map.of("orderId", "o-1"));
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    UserTaskHttp.Response completed = http.post("/user-tasks/" + key + "/completion", Map.of("variables", Map.of("approved", true)));

    assertThat(completed.status()).isEqualTo(204);
    JsonNode task = http.userTask(key);
    assertThat(task.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(task.path("completionDate").asText()).isNotEmpty();
    JsonNode next = http.activateOne("after-review");
    assertThat(next.path("variables").path("approved").asBoolean()).isTrue();
    assertThat(next.path("variables").path("orderId").asText()).isEqualTo("o-1");
    assertThat(rootVariables(instance)).containsEntry("approved", "true");
  }

  @Test
  void outputMappingsPickWhatACompletionPropagates() {
    String instance = start("user-task-io-mapping", Map.of("order", Map.of("id", "o-7")));
    JsonNode task = http.awaitUserTask(instance, "CREATED");
    assertThat(http.search("variables", Map.of("scopeKey", task.path("elementInstanceKey").asText())))
        .extracting(v -> v.path("name").asText() + "=" + v.path("value").asText())
        .containsExactly("orderId=\"o-7\"");

    http.post("/user-tasks/" + task.path("userTaskKey").asText() + "/completion", Map.of("variables", Map.of("approved", false)));

    JsonNode next = http.activateOne("after-review");
    assertThat(next.path("variables").path("decision").asBoolean(true)).isFalse();
    assertThat(rootVariables(instance)).containsEntry("decision", "false").doesNotContainKey("approved");
  }

  @Test
  void aTasksVariablesAreItsOwnAndThoseOfItsEnclosingScopes() {
    String instance = start("user-task-io-mapping", Map.of("order", Map.of("id", "o-3"), "orderId", "outer"));
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    UserTaskHttp.Response all = http.post("/user-tasks/" + key + "/variables/search", Map.of());
    UserTaskHttp.Response byName = http.post("/user-tasks/" + key + "/variables/search", Map.of("filter", Map.of("name", "order")));

    assertThat(all.status()).isEqualTo(200);
    Map<String, String> values = new HashMap<>();
    all.json().path("items").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(values).as("the task's own orderId hides the outer one").containsOnlyKeys("orderId", "order").containsEntry("orderId", "\"o-3\"");
    assertThat(byName.json().path("items")).hasSize(1);
    assertThat(http.post("/user-tasks/2251799813685999/variables/search", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aCompletedTaskIsGoneForCommandsButStillFound() {
    String key = createdTask("user-task-defaults");
    http.post("/user-tasks/" + key + "/completion", Map.of());

    UserTaskHttp.Response again = http.post("/user-tasks/" + key + "/completion", Map.of());
    UserTaskHttp.Response assign = http.post("/user-tasks/" + key + "/assignment", Map.of("assignee", "alice"));
    UserTaskHttp.Response update = http.patch("/user-tasks/" + key, Map.of("changeset", Map.of("priority", 1)));
    UserTaskHttp.Response unassign = http.delete("/user-tasks/" + key + "/assignee");

    assertThat(List.of(again.status(), assign.status(), update.status(), unassign.status())).containsOnly(404);
    assertThat(again.detail()).isEqualTo("Expected to complete user task with key '" + key + "', but no such user task was found");
    assertThat(http.userTask(key).path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void unknownTasksAreNotFound() {
    assertThat(http.post("/user-tasks/2251799813685999/completion", Map.of()).status()).isEqualTo(404);
    assertThat(http.get("/user-tasks/2251799813685999").status()).isEqualTo(404);
  }

  @Test
  void cancellingTheInstanceCancelsTheTask() {
    String instance = start("user-task-defaults");
    String key = http.awaitUserTask(instance, "CREATED").path("userTaskKey").asText();

    assertThat(http.post("/process-instances/" + instance + "/cancellation", Map.of()).status()).isEqualTo(204);

    JsonNode task = http.userTask(key);
    assertThat(task.path("state").asText()).isEqualTo("CANCELED");
    assertThat(task.path("completionDate").asText()).isNotEmpty();
    assertThat(http.post("/user-tasks/" + key + "/completion", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aMultiInstanceUserTaskCreatesATaskPerItemAndCollectsTheirResults() {
    String instance = start("user-task-multi-instance", Map.of("reviewers", List.of("ann", "ben")));
    List<JsonNode> tasks =
        UserTaskHttp.eventually(
            "a task per reviewer",
            () -> http.userTasks(Map.of("processInstanceKey", instance, "state", "CREATED")),
            found -> found.size() == 2);
    assertThat(tasks).extracting(t -> t.path("assignee").asText()).containsExactlyInAnyOrder("ann", "ben");

    for (JsonNode task : tasks) {
      String verdict = task.path("assignee").asText() + " approves";
      http.post("/user-tasks/" + task.path("userTaskKey").asText() + "/completion", Map.of("variables", Map.of("verdict", verdict)));
    }

    UserTaskHttp.eventually(
        "the instance to complete",
        () -> http.get("/process-instances/" + instance).json().path("state").asText(),
        "COMPLETED"::equals);
    assertThat(rootVariables(instance).get("verdicts")).contains("ann approves").contains("ben approves");
  }

  @Test
  void theSearchFiltersAndSorts() {
    http.deployOk("usertask/user-task-static-attributes.bpmn");
    http.deployOk("usertask/user-task-defaults.bpmn");
    String reviewInstance = http.createInstance("user-task-static-attributes", Map.of());
    String plainInstance = http.createInstance("user-task-defaults", Map.of());
    String review = http.awaitUserTask(reviewInstance, "CREATED").path("userTaskKey").asText();
    String plain = http.awaitUserTask(plainInstance, "CREATED").path("userTaskKey").asText();
    http.post("/user-tasks/" + plain + "/assignment", Map.of("assignee", "erin"));

    assertThat(keys(http.userTasks(Map.of("candidateGroup", "managers")))).containsExactly(review);
    assertThat(keys(http.userTasks(Map.of("candidateUser", "bob")))).containsExactly(review);
    assertThat(keys(http.userTasks(Map.of("assignee", "erin")))).containsExactly(plain);
    assertThat(keys(http.userTasks(Map.of("priority", Map.of("$gt", 60))))).containsExactly(review);
    assertThat(keys(http.userTasks(Map.of("state", "CREATED", "processDefinitionId", "user-task-defaults")))).containsExactly(plain);
    assertThat(keys(http.userTasks(Map.of("processInstanceVariables", List.of())))).containsExactlyInAnyOrder(review, plain);

    UserTaskHttp.Response byPriority =
        http.post("/user-tasks/search", Map.of("sort", List.of(Map.of("field", "priority", "order", "DESC"))));
    List<JsonNode> sorted = new java.util.ArrayList<>();
    byPriority.json().path("items").forEach(sorted::add);
    assertThat(keys(sorted)).containsExactly(review, plain);
    assertThat(byPriority.json().path("page").path("totalItems").asInt()).isEqualTo(2);
  }

  private String createdTask(String processId) {
    return http.awaitUserTask(start(processId), "CREATED").path("userTaskKey").asText();
  }

  private Map<String, String> rootVariables(String instance) {
    Map<String, String> variables = new HashMap<>();
    for (JsonNode v : http.search("variables", Map.of("scopeKey", instance))) {
      variables.put(v.path("name").asText(), v.path("value").asText());
    }
    return variables;
  }

  private static List<String> keys(List<JsonNode> tasks) {
    return tasks.stream().map(t -> t.path("userTaskKey").asText()).toList();
  }
}
