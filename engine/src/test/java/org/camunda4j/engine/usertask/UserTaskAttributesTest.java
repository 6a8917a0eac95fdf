package org.camunda4j.engine.usertask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Camunda user task is created with the attributes its model gives, static or FEEL (issue 5, item 1). */
class UserTaskAttributesTest extends UserTaskScenario {

  @Test
  void staticAttributesHeadersAndTheExternalFormComeFromTheModel() {
    String instance = start("user-task-static-attributes");

    JsonNode task = http.awaitUserTask(instance, "CREATED");

    assertThat(task.path("name").asText()).isEqualTo("Review order");
    assertThat(task.path("elementId").asText()).isEqualTo("Task_Review");
    assertThat(task.path("assignee").isNull()).isTrue();
    assertThat(strings(task.path("candidateGroups"))).containsExactly("reviewers", "managers");
    assertThat(strings(task.path("candidateUsers"))).containsExactly("alice", "bob");
    assertThat(task.path("dueDate").asText()).isEqualTo("2030-01-10T10:00:00Z");
    assertThat(task.path("followUpDate").asText()).isEqualTo("2030-01-05T10:00:00+01:00");
    assertThat(task.path("priority").asInt()).isEqualTo(70);
    assertThat(task.path("externalFormReference").asText()).isEqualTo("https://forms.example.com/review");
    assertThat(task.path("formKey").isNull()).isTrue();
    assertThat(task.path("customHeaders").path("department").asText()).isEqualTo("sales");
    assertThat(task.path("processDefinitionId").asText()).isEqualTo("user-task-static-attributes");
    assertThat(task.path("processName").asText()).isEqualTo("Review with static attributes");
    assertThat(task.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(task.path("creationDate").asText()).isNotEmpty();
    assertThat(task.path("completionDate").isNull()).isTrue();
    assertThat(http.userTask(task.path("userTaskKey").asText())).isEqualTo(task);
  }

  @Test
  void feelAttributesAreEvaluatedWhenTheTaskIsCreated() {
    String instance =
        start(
            "user-task-feel-attributes",
            Map.of("reviewer", "dana", "groups", List.of("finance", "audit"), "due", "2031-03-04T12:00:00Z", "urgency", 9,
                "formName", "approve"));

    JsonNode task = http.awaitUserTask(instance, "CREATED");

    assertThat(task.path("assignee").asText()).isEqualTo("dana");
    assertThat(strings(task.path("candidateGroups"))).containsExactly("finance", "audit");
    assertThat(strings(task.path("candidateUsers"))).containsExactly("dana", "carol");
    assertThat(task.path("dueDate").asText()).isEqualTo("2031-03-04T12:00:00Z");
    assertThat(task.path("followUpDate").asText()).isEqualTo("2031-03-02T12:00:00Z");
    assertThat(task.path("priority").asInt()).isEqualTo(90);
    assertThat(task.path("externalFormReference").asText()).isEqualTo("https://forms.example.com/approve");
  }

  @Test
  void aTaskWithoutAttributesHasPriority50AndTheElementIdAsName() {
    String instance = start("user-task-defaults");

    JsonNode task = http.awaitUserTask(instance, "CREATED");

    assertThat(task.path("priority").asInt()).isEqualTo(50);
    assertThat(task.path("name").asText()).isEqualTo("Task_Plain");
    assertThat(strings(task.path("candidateGroups"))).isEmpty();
    assertThat(task.path("dueDate").isNull()).isTrue();
    assertThat(task.path("externalFormReference").isNull()).isTrue();
    assertThat(http.get("/user-tasks/" + task.path("userTaskKey").asText() + "/form").status()).as("no linked form").isEqualTo(204);
  }

  @Test
  void aFailingExpressionRaisesAnIncidentAndResolvingItCreatesTheTask() {
    String instance = start("user-task-feel-error", Map.of("urgency", 200));

    JsonNode incident =
        UserTaskHttp.eventually(
            "an incident", () -> http.search("incidents", Map.of("processInstanceKey", instance)), list -> !list.isEmpty()).getFirst();
    assertThat(incident.path("errorType").asText()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.path("errorMessage").asText()).contains("priority");
    assertThat(http.userTasks(Map.of("processInstanceKey", instance))).isEmpty();

    String elementInstance = incident.path("elementInstanceKey").asText();
    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("urgency", 80))).status())
        .isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    JsonNode task = http.awaitUserTask(instance, "CREATED");
    assertThat(task.path("priority").asInt()).isEqualTo(80);
    assertThat(task.path("elementInstanceKey").asText()).isEqualTo(elementInstance);
  }

  @Test
  void aLinkedFormDeployedWithTheProcessGivesTheTaskItsFormKey() {
    UserTaskHttp.Response deployment = http.deploy("usertask/user-task-linked-form.bpmn", "usertask/approval-form.form");
    assertThat(deployment.status()).as(deployment.body()).isEqualTo(200);
    JsonNode form = null;
    for (JsonNode entry : deployment.json().path("deployments")) {
      if (entry.path("form").isObject()) {
        form = entry.path("form");
      }
    }
    assertThat(form).as("a form in %s", deployment.body()).isNotNull();
    assertThat(form.path("formId").asText()).isEqualTo("approval-form");
    assertThat(form.path("version").asInt()).isEqualTo(1);
    String formKey = form.path("formKey").asText();

    String instance = http.createInstance("user-task-linked-form", Map.of());
    JsonNode listener = http.activateOne("form-check");
    assertThat(listener.path("userTask").path("formKey").asText()).isEqualTo(formKey);
    assertThat(listener.path("customHeaders").path("io.camunda.zeebe:formKey").asText()).isEqualTo(formKey);
    http.completeJobOk(listener.path("jobKey").asText(), Map.of());

    JsonNode task = http.awaitUserTask(instance, "CREATED");
    assertThat(task.path("formKey").asText()).isEqualTo(formKey);
    UserTaskHttp.Response taskForm = http.get("/user-tasks/" + task.path("userTaskKey").asText() + "/form");
    assertThat(taskForm.status()).isEqualTo(200);
    assertThat(taskForm.json().path("formId").asText()).isEqualTo("approval-form");
    assertThat(taskForm.json().path("formKey").asText()).isEqualTo(formKey);
    assertThat(taskForm.json().path("version").asInt()).isEqualTo(1);
    assertThat(taskForm.json().path("schema").asText()).contains("\"id\": \"approval-form\"");
  }

  @Test
  void aMissingLinkedFormRaisesAnIncidentAndDeployingItThenResolvingCreatesTheTask() {
    String instance = start("user-task-linked-form");
    JsonNode incident =
        UserTaskHttp.eventually(
            "an incident", () -> http.search("incidents", Map.of("processInstanceKey", instance)), list -> !list.isEmpty()).getFirst();
    assertThat(incident.path("errorType").asText()).isEqualTo("FORM_NOT_FOUND");
    assertThat(incident.path("errorMessage").asText()).contains("approval-form");

    http.deployOk("usertask/approval-form.form");
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    http.completeListener("form-check");
    assertThat(http.awaitUserTask(instance, "CREATED").path("formKey").asText()).isNotEmpty();
  }

  @Test
  void aUserTaskWithoutZeebeUserTaskIsRejectedAtDeployment() {
    UserTaskHttp.Response response = http.deploy("usertask/job-worker-user-task.bpmn");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.detail()).contains("Task_Legacy").contains("zeebe:userTask");
  }

  static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
