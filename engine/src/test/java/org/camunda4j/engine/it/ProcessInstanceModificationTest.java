package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process instance modification ({@code POST /v2/process-instances/{key}/modification}) and start
 * instructions on creation: elements are activated anywhere, creating the flow scopes they need,
 * element instances are terminated, and a scope left empty by a termination ends with it. An
 * instruction that cannot be carried out rejects the whole modification.
 */
class ProcessInstanceModificationTest extends EngineScenario {

  private JsonNode modify(String instance, Map<String, ?> body) {
    EngineHttp.Response response = http.post("/process-instances/" + instance + "/modification", body);
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    return null;
  }

  private List<JsonNode> live(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("elementId").asText().equals(elementId) && e.path("state").asText().equals("ACTIVE"))
        .toList();
  }

  private JsonNode awaitLive(String instance, String elementId) {
    return Eventually.get(elementId + " active", () -> live(instance, elementId), found -> found.size() == 1).getFirst();
  }

  private List<String> states(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("elementId").asText().equals(elementId))
        .map(e -> e.path("state").asText())
        .toList();
  }

  @Test
  void aStuckCatchEventIsSkippedByTerminatingItAndActivatingTheNextTask() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));
    JsonNode waiting = awaitLive(instance, "Event_PaymentReceived");

    modify(instance, Map.of(
        "activateInstructions", List.of(Map.of(
            "elementId", "Task_Ship",
            "variableInstructions", List.of(Map.of("variables", Map.of("paidBy", "modification"))))),
        "terminateInstructions", List.of(Map.of("elementInstanceKey", waiting.path("elementInstanceKey").asText()))));

    assertThat(states(instance, "Event_PaymentReceived")).containsExactly("TERMINATED");
    JsonNode job = http.activateOne("ship-order");
    assertThat(job.path("variables").path("paidBy").asText()).isEqualTo("modification");
    assertThat(http.post("/messages/publication", Map.of("name", "payment-received", "correlationKey", "o-1")).status()).isEqualTo(200);
    http.completeJob(job.path("jobKey").asText(), Map.of());
    assertThat(http.awaitInstanceState(instance, "COMPLETED").path("state").asText()).isEqualTo("COMPLETED");
    assertThat(states(instance, "Event_PaymentReceived")).as("the terminated wait took no message").containsExactly("TERMINATED");
  }

  @Test
  void activatingAnElementInsideASubProcessCreatesTheSubProcessWithoutItsStartEvent() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    http.completeNext("inner-work", Map.of());
    awaitLive(instance, "Task_AfterSub");

    modify(instance, Map.of("activateInstructions", List.of(Map.of(
        "elementId", "Task_Inner",
        "variableInstructions", List.of(Map.of("scopeId", "SubProcess_Handle", "variables", Map.of("again", true)))))));

    JsonNode subProcess = awaitLive(instance, "SubProcess_Handle");
    assertThat(http.search("element-instances", Map.of("filter", Map.of("elementInstanceScopeKey", subProcess.path("elementInstanceKey").asText()))))
        .extracting(e -> e.path("elementId").asText(), e -> e.path("state").asText())
        .containsExactly(tuple("Task_Inner", "ACTIVE"));
    assertThat(states(instance, "StartEvent_Sub")).as("the sub-process was entered at the activated element").containsExactly("COMPLETED");
    assertThat(http.variablesOfScope(subProcess.path("elementInstanceKey").asText())).containsKey("again");
    JsonNode inner = http.activateOne("inner-work");
    assertThat(inner.path("variables").path("again").asBoolean()).isTrue();
    http.completeJob(inner.path("jobKey").asText(), Map.of());
    Eventually.get("the sub-process completed and went on", () -> states(instance, "Task_AfterSub"), s -> s.size() == 2);
    assertThat(states(instance, "SubProcess_Handle")).containsExactly("COMPLETED", "COMPLETED");
  }

  @Test
  void terminatingTheLastElementOfAScopeTerminatesTheScopeAndAnEmptyInstance() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    awaitLive(instance, "Task_Inner");

    modify(instance, Map.of("terminateInstructions", List.of(Map.of("elementId", "Task_Inner"))));

    assertThat(states(instance, "Task_Inner")).containsExactly("TERMINATED");
    assertThat(states(instance, "SubProcess_Handle")).containsExactly("TERMINATED");
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("TERMINATED");
  }

  @Test
  void terminatingTheLastElementOfACalledInstanceIsRejectedAsInCamundaAndChangesNothing() {
    http.deployOk(bpmn("call-activity-child.bpmn"), bpmn("call-activity-parent.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    http.awaitJobExists("child-work");
    String child = http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))).getFirst()
        .path("processInstanceKey").asText();
    String childTask = awaitLive(child, "Task_ChildWork").path("elementInstanceKey").asText();

    String detail =
        assertProblem(
            http.post("/process-instances/" + child + "/modification",
                Map.of("terminateInstructions", List.of(Map.of("elementInstanceKey", childTask)))),
            400, "INVALID_ARGUMENT");

    assertThat(detail).contains("terminateInstructions").contains(child).contains("call activity").contains(parent);
    assertThat(live(child, "Task_ChildWork")).as("the child is left as it was").hasSize(1);
    http.completeNext("child-work", Map.of());
    http.completeNext("after-call", Map.of());
    http.awaitInstanceState(parent, "COMPLETED");
  }

  @Test
  void aMoveActivatesTheTargetBeforeItTerminatesTheSourceSoTheInstanceGoesOn() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    awaitLive(instance, "Task_Inner");

    modify(instance, Map.of("moveInstructions", List.of(Map.of(
        "sourceElementInstruction", Map.of("sourceType", "byId", "sourceElementId", "Task_Inner"),
        "targetElementId", "Task_AfterSub",
        "ancestorScopeInstruction", Map.of("ancestorScopeType", "inferred")))));

    assertThat(states(instance, "Task_Inner")).containsExactly("TERMINATED");
    assertThat(states(instance, "SubProcess_Handle")).as("left empty, so terminated").containsExactly("TERMINATED");
    http.completeNext("after-sub", Map.of());
    assertThat(http.awaitInstanceState(instance, "COMPLETED").path("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void withSeveralLiveInstancesOfTheFlowScopeTheAncestorMustBeNamed() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    awaitLive(instance, "Task_Inner");

    modify(instance, Map.of("activateInstructions", List.of(Map.of("elementId", "Task_Inner", "ancestorElementInstanceKey", instance))));
    List<JsonNode> subProcesses = live(instance, "SubProcess_Handle");
    assertThat(subProcesses).as("the process instance as ancestor: a second sub-process").hasSize(2);

    assertThat(assertProblem(
            http.post("/process-instances/" + instance + "/modification", Map.of("activateInstructions", List.of(Map.of("elementId", "Task_Inner")))),
            400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[0]", "SubProcess_Handle", "2 active instances", "ancestorElementInstanceKey");
    String second = subProcesses.get(1).path("elementInstanceKey").asText();
    modify(instance, Map.of("activateInstructions", List.of(Map.of("elementId", "Task_Inner", "ancestorElementInstanceKey", second))));
    assertThat(http.search("element-instances", Map.of("filter", Map.of("elementInstanceScopeKey", second, "state", "ACTIVE")))).hasSize(2);
  }

  @Test
  void anInvalidInstructionRejectsTheWholeModificationAndNamesTheInstruction() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"), bpmn("multi-instance-subprocess.bpmn"), bpmn("event-based-gateway.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    awaitLive(instance, "Task_Inner");
    String path = "/process-instances/" + instance + "/modification";

    assertThat(assertProblem(http.post(path, Map.of("activateInstructions", List.of(
            Map.of("elementId", "Task_AfterSub"), Map.of("elementId", "Task_Nowhere")))), 400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[1]", "'Task_Nowhere' does not exist");
    assertThat(states(instance, "Task_AfterSub")).as("the valid first instruction left nothing behind").isEmpty();
    assertThat(assertProblem(http.post(path, Map.of("activateInstructions", List.of(Map.of("elementId", "StartEvent_Sub")))), 400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[0]", "startEvent");
    assertThat(assertProblem(http.post(path, Map.of("terminateInstructions", List.of(Map.of("elementInstanceKey", "2251799813685999")))), 400, "INVALID_ARGUMENT"))
        .contains("terminateInstructions[0]", "2251799813685999", "not an active element instance");
    assertThat(assertProblem(http.post(path, Map.of("activateInstructions", List.of(Map.of(
            "elementId", "Task_AfterSub",
            "variableInstructions", List.of(Map.of("scopeId", "SubProcess_Handle", "variables", Map.of("a", 1))))))), 400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[0]", "scopeId 'SubProcess_Handle'");
    assertThat(assertProblem(http.post(path, Map.of("terminateInstructions", List.of(Map.of()))), 400, "INVALID_ARGUMENT"))
        .contains("terminateInstructions[0].elementInstanceKey");
    assertProblem(http.post("/process-instances/2251799813685999/modification", Map.of("terminateInstructions", List.of(Map.of("elementId", "x")))), 404, "NOT_FOUND");

    String multi = http.createInstance("multi-instance-subprocess", Map.of("items", List.of(1, 2)));
    assertThat(assertProblem(http.post("/process-instances/" + multi + "/modification",
            Map.of("activateInstructions", List.of(Map.of("elementId", "Task_HandleItem")))), 400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[0]", "multi-instance", "SubProcess_PerItem");
    String gateway = http.createInstance("event-based-gateway");
    assertThat(assertProblem(http.post("/process-instances/" + gateway + "/modification",
            Map.of("activateInstructions", List.of(Map.of("elementId", "Event_ReplyReceived")))), 400, "INVALID_ARGUMENT"))
        .contains("activateInstructions[0]", "event-based gateway");
  }

  @Test
  void startInstructionsStartAnInstanceAtTheGivenElementsInsteadOfTheStartEvent() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));

    EngineHttp.Response created = http.post("/process-instances", Map.of(
        "processDefinitionId", "embedded-subprocess",
        "startInstructions", List.of(Map.of("elementId", "Task_Inner"))));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String instance = created.json().path("processInstanceKey").asText();
    awaitLive(instance, "Task_Inner");
    assertThat(states(instance, "StartEvent_1")).isEmpty();
    assertThat(states(instance, "StartEvent_Sub")).isEmpty();
    assertThat(states(instance, "SubProcess_Handle")).containsExactly("ACTIVE");
    assertThat(assertProblem(http.post("/process-instances", Map.of(
            "processDefinitionId", "embedded-subprocess", "startInstructions", List.of(Map.of("elementId", "Task_Nowhere")))), 400, "INVALID_ARGUMENT"))
        .contains("startInstructions[0]", "Task_Nowhere");
    assertThat(assertProblem(http.post("/process-instances", Map.of(
            "processDefinitionId", "embedded-subprocess", "startInstructions", List.of(Map.of("elementId", "StartEvent_1")))), 400, "INVALID_ARGUMENT"))
        .contains("startInstructions[0]", "startEvent");
  }
}
