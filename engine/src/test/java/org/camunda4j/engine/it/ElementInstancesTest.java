package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/element-instances/search} and {@code GET /v2/element-instances/{key}}. */
class ElementInstancesTest extends EngineScenario {

  @Test
  void anInstanceReportsTheElementsItPassedAndTheOneItWaitsIn() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    http.awaitJobExists("work");

    List<JsonNode> waiting = http.elementInstancesOf(instance);

    assertThat(waiting)
        .extracting(e -> e.path("elementId").asText(), e -> e.path("type").asText(), e -> e.path("state").asText())
        .containsExactly(tuple("StartEvent_1", "START_EVENT", "COMPLETED"), tuple("Task_Work", "SERVICE_TASK", "ACTIVE"));
    JsonNode task = waiting.get(1);
    assertThat(task.path("elementName").asText()).isEqualTo("Work");
    assertThat(task.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(task.path("rootProcessInstanceKey").asText()).isEqualTo(instance);
    assertThat(task.path("processDefinitionId").asText()).isEqualTo("single-service-task");
    assertThat(task.path("processDefinitionKey").asText()).isNotBlank();
    assertThat(task.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(task.path("startDate").asText()).isNotBlank();
    assertThat(task.get("endDate").isNull()).isTrue();
    assertThat(task.path("hasIncident").asBoolean()).isFalse();
    assertThat(task.get("incidentKey").isNull()).isTrue();

    http.completeNext("work", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");

    assertThat(http.elementInstancesOf(instance))
        .extracting(e -> e.path("elementId").asText(), e -> e.path("state").asText(), e -> e.get("endDate").isNull())
        .containsExactly(
            tuple("StartEvent_1", "COMPLETED", false), tuple("Task_Work", "COMPLETED", false), tuple("EndEvent_1", "COMPLETED", false));
  }

  @Test
  void oneElementInstanceIsReadByItsKeyAndAnUnknownKeyIsNotFound() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");

    EngineHttp.Response found = http.get("/element-instances/" + job.path("elementInstanceKey").asText());

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().path("elementId").asText()).isEqualTo("Task_Work");
    assertThat(found.json().path("processInstanceKey").asText()).isEqualTo(instance);
    assertProblem(http.get("/element-instances/2251799813685000"), 404, "NOT_FOUND");
    assertProblem(http.get("/element-instances/" + instance), 404, "NOT_FOUND"); // the process instance is not an element instance
  }

  @Test
  void aCancelledInstanceLeavesItsWaitingElementTerminated() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    http.awaitJobExists("work");

    assertThat(http.postWithoutBody("/process-instances/" + instance + "/cancellation").status()).isEqualTo(204);

    assertThat(http.elementInstancesOf(instance))
        .extracting(e -> e.path("elementId").asText(), e -> e.path("state").asText())
        .containsExactly(tuple("StartEvent_1", "COMPLETED"), tuple("Task_Work", "TERMINATED"));
  }

  @Test
  void anElementWithAnIncidentCarriesItsFlagAndKey() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "boom"));
    JsonNode incident = http.awaitActiveIncident(instance);

    List<JsonNode> withIncident = http.search("element-instances", Map.of("filter", Map.of("hasIncident", true)));

    assertThat(withIncident).extracting(e -> e.path("elementId").asText()).containsExactly("Task_Work");
    assertThat(withIncident.getFirst().path("incidentKey").asText()).isEqualTo(incident.path("incidentKey").asText());
    assertThat(http.search("element-instances", Map.of("filter", Map.of("incidentKey", incident.path("incidentKey").asText()))))
        .hasSize(1);
  }

  @Test
  void theScopeKeyFilterFindsTheDirectChildrenOfASubProcessOrOfTheProcess() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess");
    http.awaitJobExists("inner-work");
    JsonNode subProcess =
        http.search("element-instances", Map.of("filter", Map.of("processInstanceKey", instance, "type", "SUB_PROCESS"))).getFirst();

    List<JsonNode> inside =
        http.search("element-instances", Map.of("filter", Map.of("elementInstanceScopeKey", subProcess.path("elementInstanceKey").asText())));
    List<JsonNode> topLevel = http.search("element-instances", Map.of("filter", Map.of("elementInstanceScopeKey", instance)));

    assertThat(subProcess.path("elementId").asText()).isEqualTo("SubProcess_Handle");
    assertThat(inside).extracting(e -> e.path("elementId").asText()).containsExactly("StartEvent_Sub", "Task_Inner");
    assertThat(topLevel).extracting(e -> e.path("elementId").asText()).containsExactly("StartEvent_1", "SubProcess_Handle");
  }

  @Test
  void aMultiInstanceActivityIsABodyWithItsInnerInstances() {
    http.deployOk(bpmn("multi-instance-parallel.bpmn"));
    String instance = http.createInstance("multi-instance-parallel", Map.of("items", List.of("a", "b")));
    http.awaitJobCount("process-item", 2);

    List<JsonNode> task =
        http.search("element-instances", Map.of("filter", Map.of("processInstanceKey", instance, "elementId", "Task_ProcessItem")));

    assertThat(task).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder("MULTI_INSTANCE_BODY", "SERVICE_TASK", "SERVICE_TASK");
  }

  @Test
  void anEventBasedGatewayIsActiveWhileItWaits() {
    http.deployOk(bpmn("event-based-gateway.bpmn"));
    String instance = http.createInstance("event-based-gateway", Map.of("requestId", "r-1"));

    JsonNode gateway =
        Eventually.get(
            "the gateway's element instance",
            () -> http.search("element-instances", Map.of("filter", Map.of("processInstanceKey", instance, "elementId", "Gateway_ReplyOrTimeout"))),
            found -> found.size() == 1)
            .getFirst();

    assertThat(gateway.path("type").asText()).isEqualTo("EVENT_BASED_GATEWAY");
    assertThat(gateway.path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void filtersOnStateTypeAndDatesCombine() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    http.awaitJobExists("work");

    assertThat(http.search("element-instances", Map.of("filter", Map.of("state", Map.of("$in", List.of("ACTIVE"))))))
        .extracting(e -> e.path("elementId").asText())
        .containsExactly("Task_Work");
    assertThat(http.search("element-instances", Map.of("filter", Map.of("endDate", Map.of("$exists", true)))))
        .extracting(e -> e.path("elementId").asText())
        .containsExactly("StartEvent_1");
    assertThat(http.search("element-instances", Map.of("filter", Map.of("processInstanceKey", instance, "startDate", Map.of("$gt", "2000-01-01T00:00:00Z")))))
        .hasSize(2);
    assertProblem(http.post("/element-instances/search", Map.of("filter", Map.of("flowNodeId", "x"))), 400, "INVALID_ARGUMENT");
    assertProblem(http.post("/element-instances/search", Map.of("filter", Map.of("type", "NOT_A_TYPE"))), 400, "INVALID_ARGUMENT");
  }
}
