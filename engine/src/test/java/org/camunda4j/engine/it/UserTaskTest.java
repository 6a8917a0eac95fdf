package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Camunda user tasks (issue 5 §1): attributes from the model and every /v2/user-tasks endpoint. */
class UserTaskTest extends EngineScenario {

  @Test
  void aUserTaskIsCreatedWithTheModelsAttributes() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    String instance = http.createInstance("user-task-basic");

    JsonNode task = awaitTask(instance);

    Keys.assertKey(task.path("userTaskKey"));
    assertThat(task.path("name").asText()).isEqualTo("Review order");
    assertThat(task.path("state").asText()).isEqualTo("CREATED");
    assertThat(task.path("elementId").asText()).isEqualTo("Task_Review");
    assertThat(task.path("processDefinitionId").asText()).isEqualTo("user-task-basic");
    assertThat(task.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("reviewers");
    assertThat(task.path("candidateUsers")).extracting(JsonNode::asText).containsExactly("alice", "bob");
    assertThat(task.path("dueDate").asText()).startsWith("2030-01-10T10:00");
    assertThat(task.path("followUpDate").asText()).startsWith("2030-01-05T10:00");
    assertThat(task.path("priority").asInt()).isEqualTo(70);
    assertThat(task.path("externalFormReference").asText()).isEqualTo("https://forms.example.com/review");
    assertThat(task.path("customHeaders").path("department").asText()).isEqualTo("sales");
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(task.path("tenantId").asText()).isEqualTo("<default>");
  }

  @Test
  void attributesGivenAsFeelAreEvaluatedWhenTheTaskIsCreated() {
    http.deployOk(bpmn("user-task-feel-attributes.bpmn"));
    String instance =
        http.createInstance(
            "user-task-feel-attributes",
            Map.of("reviewer", "dave", "groups", List.of("g1", "g2"), "due", "2030-02-01T00:00:00Z", "urgency", 20));

    JsonNode task = awaitTask(instance);

    assertThat(task.path("assignee").asText()).isEqualTo("dave");
    assertThat(task.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("g1", "g2");
    assertThat(task.path("dueDate").asText()).startsWith("2030-02-01T00:00");
    assertThat(task.path("priority").asInt()).isEqualTo(20);
  }

  @Test
  void aLinkedFormDeployedAlongsideGivesTheTaskItsFormKey() {
    JsonNode deployment = http.deployOk(bpmn("user-task-linked-form.bpmn"), bpmn("review-form.form"));
    JsonNode form = null;
    for (JsonNode entry : deployment.path("deployments")) {
      if (!entry.path("form").isNull() && entry.has("form")) {
        form = entry.path("form");
      }
    }
    assertThat(form).as("a form entry in %s", deployment).isNotNull();
    assertThat(form.path("formId").asText()).isEqualTo("review-form");
    assertThat(form.path("resourceName").asText()).isEqualTo("review-form.form");
    Keys.assertKey(form.path("formKey"));

    JsonNode task = awaitTask(http.createInstance("user-task-linked-form"));

    assertThat(task.path("formKey").asText()).isEqualTo(form.path("formKey").asText());
  }

  @Test
  void getByKeyAnswersTheSameTask() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    EngineHttp.Response response = http.get("/user-tasks/" + key(task));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertThat(response.json().path("userTaskKey").asText()).isEqualTo(key(task));
    assertThat(response.json().path("name").asText()).isEqualTo("Review order");
  }

  @Test
  void assigningAndUnassigningChangeTheAssignee() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    assertThat(http.post("/user-tasks/" + key(task) + "/assignment", Map.of("assignee", "carol")).status()).isEqualTo(204);
    assertThat(http.get("/user-tasks/" + key(task)).json().path("assignee").asText()).isEqualTo("carol");

    assertThat(http.delete("/user-tasks/" + key(task) + "/assignee").status()).isEqualTo(204);
    assertThat(http.get("/user-tasks/" + key(task)).json().get("assignee").isNull()).isTrue();
  }

  @Test
  void reassigningWithoutAllowOverrideIs409() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));
    http.post("/user-tasks/" + key(task) + "/assignment", Map.of("assignee", "carol"));

    assertProblem(
        http.post("/user-tasks/" + key(task) + "/assignment", Map.of("assignee", "dave", "allowOverride", false)),
        409,
        "INVALID_STATE");
    assertThat(http.get("/user-tasks/" + key(task)).json().path("assignee").asText()).isEqualTo("carol");
  }

  @Test
  void anEmptyAssigneeIsRejected() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    String detail = assertProblem(http.post("/user-tasks/" + key(task) + "/assignment", Map.of("assignee", "")), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("assignee");
  }

  @Test
  void completingWithVariablesMovesTheProcessOn() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    String instance = http.createInstance("user-task-basic");
    JsonNode task = awaitTask(instance);

    EngineHttp.Response response =
        http.post("/user-tasks/" + key(task) + "/completion", Map.of("variables", Map.of("approved", true)));

    assertThat(response.status()).isEqualTo(204);
    assertThat(http.activateOne("after-review").path("variables").path("approved").asBoolean()).isTrue();
    Eventually.get(
        "the task to be COMPLETED",
        () -> http.get("/user-tasks/" + key(task)).json().path("state").asText(),
        "COMPLETED"::equals);
  }

  @Test
  void completingACompletedTaskIs404() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));
    http.post("/user-tasks/" + key(task) + "/completion", Map.of());

    assertProblem(http.post("/user-tasks/" + key(task) + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void updatingChangesTheGivenAttributesAndEmptyValuesClearThem() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    EngineHttp.Response response =
        http.patch(
            "/user-tasks/" + key(task),
            Map.of("changeset", Map.of("priority", 90, "candidateGroups", List.of("managers"), "followUpDate", "")));

    assertThat(response.status()).isEqualTo(204);
    JsonNode updated = http.get("/user-tasks/" + key(task)).json();
    assertThat(updated.path("priority").asInt()).isEqualTo(90);
    assertThat(updated.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("managers");
    assertThat(updated.get("followUpDate").isNull()).isTrue();
    assertThat(updated.path("candidateUsers")).extracting(JsonNode::asText).containsExactly("alice", "bob");
  }

  @Test
  void aPriorityOutsideZeroToHundredIsRejected() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    String detail =
        assertProblem(http.patch("/user-tasks/" + key(task), Map.of("changeset", Map.of("priority", 101))), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("priority");
  }

  @Test
  void anUpdateWithoutChangesIsRejected() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode task = awaitTask(http.createInstance("user-task-basic"));

    String detail = assertProblem(http.patch("/user-tasks/" + key(task), Map.of()), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("No update data");
  }

  @Test
  void endpointsOnAnUnknownTaskAre404() {
    assertProblem(http.get("/user-tasks/2251799813699999"), 404, "NOT_FOUND");
    assertProblem(http.post("/user-tasks/2251799813699999/completion", Map.of()), 404, "NOT_FOUND");
    assertProblem(http.post("/user-tasks/2251799813699999/assignment", Map.of("assignee", "x")), 404, "NOT_FOUND");
    assertProblem(http.delete("/user-tasks/2251799813699999/assignee"), 404, "NOT_FOUND");
    assertProblem(http.patch("/user-tasks/2251799813699999", Map.of("changeset", Map.of("priority", 1))), 404, "NOT_FOUND");
  }

  @Test
  void searchFiltersByStateAssigneeAndCandidateGroup() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    JsonNode first = awaitTask(http.createInstance("user-task-basic"));
    JsonNode second = awaitTask(http.createInstance("user-task-basic"));
    http.post("/user-tasks/" + key(second) + "/assignment", Map.of("assignee", "carol"));

    assertThat(http.search("user-tasks", Map.of("filter", Map.of("assignee", "carol"))))
        .extracting(UserTaskTest::key)
        .containsExactly(key(second));
    assertThat(http.search("user-tasks", Map.of("filter", Map.of("candidateGroup", "reviewers"))))
        .extracting(UserTaskTest::key)
        .containsExactlyInAnyOrder(key(first), key(second));
    assertThat(http.search("user-tasks", Map.of("filter", Map.of("state", "CREATED")))).hasSize(2);
  }

  @Test
  void cancellingTheInstanceCancelsTheTask() {
    http.deployOk(bpmn("user-task-basic.bpmn"));
    String instance = http.createInstance("user-task-basic");
    JsonNode task = awaitTask(instance);

    http.post("/process-instances/" + instance + "/cancellation", Map.of());

    Eventually.get(
        "the task to be CANCELED",
        () -> http.get("/user-tasks/" + key(task)).json().path("state").asText(),
        "CANCELED"::equals);
  }

  static JsonNode awaitTaskOf(EngineHttp http, String instance) {
    return Eventually.get(
        "a user task in instance " + instance,
        () -> http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))),
        items -> items.size() == 1 && "CREATED".equals(items.getFirst().path("state").asText()))
        .getFirst();
  }

  private JsonNode awaitTask(String instance) {
    return awaitTaskOf(http, instance);
  }

  static String key(JsonNode task) {
    return task.path("userTaskKey").asText();
  }
}
