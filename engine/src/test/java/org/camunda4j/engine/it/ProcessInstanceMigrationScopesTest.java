package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;
import static org.camunda4j.engine.it.ProcessInstanceMigrationTest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process instance migration of what lives in scopes: sub-processes with their elements and local
 * variables, Camunda user tasks, incidents, multi-instance bodies with their inner instances, and
 * tokens waiting at a joining gateway, and what 8.9 does not migrate: an element moved to another flow
 * scope, a sub-process left unmapped, a multi-instance activity of the other kind, a waiting token
 * whose gateway or flow is not mapped.
 */
class ProcessInstanceMigrationScopesTest extends EngineScenario {

  private String deployTarget(String file, String processId) {
    return ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn(file)), processId);
  }

  private EngineHttp.Response migrate(String instance, Map<String, Object> plan) {
    return http.post("/process-instances/" + instance + "/migration", plan);
  }

  private void migrateOk(String instance, Map<String, Object> plan) {
    EngineHttp.Response response = migrate(instance, plan);
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  private List<JsonNode> elements(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream().filter(e -> e.path("elementId").asText().equals(elementId)).toList();
  }

  private String key(String instance, String elementId) {
    return elements(instance, elementId).getFirst().path("elementInstanceKey").asText();
  }

  @Test
  void anElementInASubProcessMigratesWithItsSubProcessAndTheScopeKeepsItsLocalVariables() {
    http.deployOk(bpmn("migration-scopes-v1.bpmn"));
    String instance = http.createInstance("migration-scopes");
    http.awaitJobExists("inner");
    String subProcess = key(instance, "SubProcess_A");
    assertThat(http.put("/element-instances/" + subProcess + "/variables", Map.of("variables", Map.of("note", "kept"), "local", true)).status())
        .isEqualTo(204);
    String target = deployTarget("migration-scopes-v2.bpmn", "migration-scopes");

    migrateOk(instance, plan(target, "SubProcess_A", "SubProcess_B", "Task_Inner", "Task_Inner2"));

    assertThat(key(instance, "SubProcess_B")).isEqualTo(subProcess);
    assertThat(http.variablesOfScope(subProcess)).containsKey("note");
    JsonNode inner = http.activateOne("inner");
    assertThat(inner.path("elementId").asText()).isEqualTo("Task_Inner2");
    assertThat(inner.path("variables").path("note").asText()).isEqualTo("kept");
    http.completeJob(inner.path("jobKey").asText(), Map.of());
    http.completeNext("outside", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "SubProcess_B")).singleElement().satisfies(e -> assertThat(e.path("state").asText()).isEqualTo("COMPLETED"));
  }

  @Test
  void anElementMappedOutOfItsSubProcessOrASubProcessLeftUnmappedIsA409() {
    http.deployOk(bpmn("migration-scopes-v1.bpmn"));
    String instance = http.createInstance("migration-scopes");
    http.awaitJobExists("inner");
    String target = deployTarget("migration-scopes-v2.bpmn", "migration-scopes");

    assertThat(assertProblem(migrate(instance, plan(target, "SubProcess_A", "SubProcess_B", "Task_Inner", "Task_Outside")), 409, "INVALID_STATE"))
        .contains("Task_Inner").contains("Task_Outside").contains("flow scope").contains("SubProcess_B");
    assertThat(assertProblem(migrate(instance, plan(target, "Task_Inner", "Task_Inner2")), 409, "INVALID_STATE"))
        .contains("SubProcess_A").contains("no mapping instruction");

    assertThat(http.getInstance(instance).path("processDefinitionVersion").asInt()).isEqualTo(1);
    http.completeNext("inner", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aUserTaskKeepsItsKeyAndAssigneeAndAnIncidentMovesWithItsElement() {
    http.deployOk(bpmn("migration-tasks-v1.bpmn"));
    String instance = http.createInstance("migration-tasks");
    JsonNode task = Eventually.get("the user task", () -> http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))),
        l -> l.size() == 1).getFirst();
    String taskKey = task.path("userTaskKey").asText();
    assertThat(http.post("/user-tasks/" + taskKey + "/assignment", Map.of("assignee", "demo")).status()).isEqualTo(204);
    JsonNode charge = http.activateOne("charge");
    assertThat(http.post("/jobs/" + charge.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "card declined")).status())
        .isEqualTo(204);
    JsonNode incident = http.awaitActiveIncident(instance);
    String target = deployTarget("migration-tasks-v2.bpmn", "migration-tasks");

    migrateOk(instance, plan(target, "Task_Approve", "Task_Approve2", "Task_Charge", "Task_Charge2"));

    JsonNode migratedTask = http.get("/user-tasks/" + taskKey).json();
    assertThat(migratedTask.path("elementId").asText()).isEqualTo("Task_Approve2");
    assertThat(migratedTask.path("assignee").asText()).as("a migrated user task stays assigned").isEqualTo("demo");
    assertThat(migratedTask.path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(migratedTask.path("processDefinitionVersion").asInt()).isEqualTo(2);
    JsonNode migratedIncident = http.get("/incidents/" + incident.path("incidentKey").asText()).json();
    assertThat(migratedIncident.path("elementId").asText()).isEqualTo("Task_Charge2");
    assertThat(migratedIncident.path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(migratedIncident.path("state").asText()).isEqualTo("ACTIVE");

    assertThat(http.patch("/jobs/" + charge.path("jobKey").asText(), Map.of("changeset", Map.of("retries", 1))).status()).isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);
    JsonNode retried = http.activateOne("charge");
    assertThat(retried.path("jobKey").asText()).isEqualTo(charge.path("jobKey").asText());
    http.completeJob(retried.path("jobKey").asText(), Map.of());
    assertThat(http.post("/user-tasks/" + taskKey + "/completion", Map.of()).status()).isEqualTo(204);
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "Gateway_Join2")).as("the branches joined at the target's gateway").hasSize(1);
  }

  @Test
  void aTokenWaitingAtAJoiningGatewayMovesWithTheMappingOfTheGatewayAndOfTheFlowItCameAlong() {
    http.deployOk(bpmn("migration-tasks-v1.bpmn"));
    String instance = http.createInstance("migration-tasks");
    http.completeNext("charge", Map.of());
    Eventually.get("the token waits at the join", () -> elements(instance, "Task_Charge"),
        l -> l.size() == 1 && l.getFirst().path("state").asText().equals("COMPLETED"));
    String target = deployTarget("migration-tasks-v2.bpmn", "migration-tasks");

    assertThat(assertProblem(migrate(instance, plan(target, "Task_Approve", "Task_Approve2")), 409, "INVALID_STATE"))
        .contains("joining parallelGateway 'Gateway_Join'").contains("Flow_5").contains("no mapping instruction");
    assertThat(assertProblem(migrate(instance, plan(target, "Task_Approve", "Task_Approve2", "Gateway_Join", "Gateway_Join2")), 409, "INVALID_STATE"))
        .contains("Flow_5").contains("incoming flow of 'Gateway_Join2'");
    assertThat(assertProblem(migrate(instance, plan(target, "Task_Approve", "Task_Approve2", "Gateway_Join", "Gateway_Join2",
        "Flow_5", "Flow_6")), 409, "INVALID_STATE")).contains("Flow_6");
    assertThat(http.getInstance(instance).path("processDefinitionVersion").asInt()).isEqualTo(1);

    migrateOk(instance, plan(target, "Task_Approve", "Task_Approve2", "Gateway_Join", "Gateway_Join2", "Flow_5", "Flow_5"));

    String taskKey = Eventually.get("the user task", () -> http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))),
        l -> l.size() == 1).getFirst().path("userTaskKey").asText();
    assertThat(http.post("/user-tasks/" + taskKey + "/completion", Map.of()).status()).isEqualTo(204);
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "Gateway_Join2")).as("the moved token and the new one joined at the target's gateway").hasSize(1);
  }

  @Test
  void aMultiInstanceBodyMigratesWithItsInnerInstancesButNotToTheOtherKind() {
    http.deployOk(bpmn("migration-multi-instance-v1.bpmn"));
    String instance = http.createInstance("migration-multi-instance", Map.of("items", List.of("a", "b", "c")));
    http.awaitJobCount("each", 3);
    String target = deployTarget("migration-multi-instance-v2.bpmn", "migration-multi-instance");

    assertThat(assertProblem(migrate(instance, plan(target, "Task_Each", "Task_OneByOne")), 409, "INVALID_STATE"))
        .contains("parallel multi-instance").contains("sequential multi-instance");
    migrateOk(instance, plan(target, "Task_Each", "Task_Each2"));

    assertThat(elements(instance, "Task_Each2")).as("the body and its three inner instances").hasSize(4);
    List<JsonNode> jobs = http.activateJobs("each", 3);
    assertThat(jobs).hasSize(3).allSatisfy(j -> assertThat(j.path("elementId").asText()).isEqualTo("Task_Each2"));
    jobs.forEach(j -> http.completeJob(j.path("jobKey").asText(), Map.of()));
    http.awaitJobCount("one-by-one", 1);
    for (int i = 0; i < 3; i++) {
      http.completeNext("one-by-one", Map.of());
    }
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aCallActivityMigratesWhileTheInstanceItCalledStaysAsItIs() {
    http.deployOk(bpmn("call-activity-child.bpmn"), bpmn("call-activity-parent.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    http.awaitJobExists("child-work");
    String child = http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))).getFirst()
        .path("processInstanceKey").asText();
    String call = key(parent, "Activity_CallChild");
    String target = deployTarget("migration-call-parent-v2.bpmn", "call-activity-parent");

    migrateOk(parent, plan(target, "Activity_CallChild", "Activity_CallChild2"));

    assertThat(key(parent, "Activity_CallChild2")).isEqualTo(call);
    JsonNode called = http.getInstance(child);
    assertThat(called.path("processDefinitionId").asText()).isEqualTo("call-activity-child");
    assertThat(called.path("parentElementInstanceKey").asText()).isEqualTo(call);
    http.completeNext("child-work", Map.of());
    http.completeNext("audit", Map.of());
    http.awaitInstanceState(parent, "COMPLETED");
  }

  @Test
  void anActiveEventSubProcessMigratesWithTheElementsInIt() {
    http.deployOk(bpmn("message-event-subprocess.bpmn"));
    String instance = http.createInstance("message-event-subprocess", Map.of("orderId", "o-1"));
    http.awaitJobExists("main-work");
    assertThat(http.post("/messages/correlation", Map.of("name", "abort", "correlationKey", "o-1")).status()).isEqualTo(200);
    http.awaitJobExists("handle-abort");
    String target = deployTarget("migration-event-subprocess-v2.bpmn", "message-event-subprocess");

    migrateOk(instance, plan(target, "EventSubProcess_Abort", "EventSubProcess_Abort2", "Task_HandleAbort", "Task_HandleAbort2"));

    assertThat(http.completeNext("handle-abort", Map.of()).path("elementId").asText()).isEqualTo("Task_HandleAbort2");
    http.completeNext("report-abort", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "EventSubProcess_Abort2")).singleElement()
        .satisfies(e -> assertThat(e.path("state").asText()).isEqualTo("COMPLETED"));
  }

  @Test
  void anIncidentOfAFaultyInputMappingIsFixedByMigratingToTheCorrectedVersionAndResolvingIt() {
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");
    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("IO_MAPPING_ERROR");
    String target = deployTarget("migration-io-mapping-fixed.bpmn", "io-mapping-error");

    migrateOk(instance, plan(target, "Task_NeedsOrder", "Task_NeedsOrder"));
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    JsonNode job = http.activateOne("needs-order");
    assertThat(job.path("variables").path("requiredOrderId").asText()).as("the target's input mapping ran").isEqualTo("unknown");
    assertThat(job.path("processDefinitionKey").asText()).isEqualTo(target);
    http.completeJob(job.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }
}
