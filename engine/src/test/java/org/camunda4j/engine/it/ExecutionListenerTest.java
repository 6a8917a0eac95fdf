package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Execution listeners (issue 5 §3): start and end jobs that hold their element until completed. */
class ExecutionListenerTest extends EngineScenario {

  @Test
  void aStartListenerRunsBeforeTheTaskAndItsVariablesStayLocal() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    http.createInstance("execution-listeners-service-task");

    JsonNode start = http.activateOne("el-start");
    assertThat(start.path("kind").asText()).isEqualTo("EXECUTION_LISTENER");
    assertThat(start.path("listenerEventType").asText()).isEqualTo("START");
    assertThat(start.path("elementId").asText()).isEqualTo("Task_Main");
    assertThat(http.activateNow("el-main")).as("the task waits for its start listener").isEmpty();
    http.completeJob(start.path("jobKey").asText(), Map.of("startVar", 1));

    JsonNode main = http.activateOne("el-main");
    assertThat(main.path("variables").path("startVar").asInt()).isEqualTo(1);
    http.completeJob(main.path("jobKey").asText(), Map.of());
    http.completeNext("el-end", Map.of());

    JsonNode after = http.activateOne("el-after");
    assertThat(after.path("variables").has("startVar")).as("start-listener variables are local").isFalse();
  }

  @Test
  void anEndListenerRunsAfterTheTaskAndItsVariablesPropagate() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    http.createInstance("execution-listeners-service-task");
    http.completeNext("el-start", Map.of());
    http.completeNext("el-main", Map.of());

    JsonNode end = http.activateOne("el-end");
    assertThat(end.path("listenerEventType").asText()).isEqualTo("END");
    assertThat(http.activateNow("el-after")).as("the flow waits for the end listener").isEmpty();
    http.completeJob(end.path("jobKey").asText(), Map.of("endVar", 2));

    assertThat(http.activateOne("el-after").path("variables").path("endVar").asInt()).isEqualTo(2);
  }

  @Test
  void processListenersRunAtTheStartAndTheEndOfTheInstance() {
    http.deployOk(bpmn("execution-listeners-process.bpmn"));
    String instance = http.createInstance("execution-listeners-process");

    http.completeNext("process-start", Map.of());
    http.completeNext("process-main", Map.of());
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
    http.completeNext("process-end", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aGatewayStartListenersVariablesAreSeenByItsConditions() {
    http.deployOk(bpmn("execution-listeners-gateway.bpmn"));
    http.createInstance("execution-listeners-gateway");

    http.completeNext("gateway-start", Map.of("route", "express"));

    http.activateOne("route-express");
  }

  @Test
  void listenersOnASubProcessAndOnAnIntermediateEventHoldThemInTurn() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    http.deployOk(bpmn("execution-listeners-subprocess-and-event.bpmn"));
    String instance = http.createInstance("execution-listeners-subprocess-and-event");

    assertThat(http.completeNext("sub-start", Map.of()).path("elementId").asText()).isEqualTo("SubProcess_Listened");
    http.completeNext("sub-work", Map.of());
    assertThat(http.completeNext("sub-end", Map.of()).path("listenerEventType").asText()).isEqualTo("END");
    engine.clock().advance(Duration.ofMinutes(2));
    assertThat(http.completeNext("event-end", Map.of()).path("elementId").asText()).isEqualTo("Event_OneMinute");

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aStartListenerOnAStartEventIsRejectedAtDeployment() {
    String detail =
        assertProblem(http.deploy(bpmn("invalid/execution-listener-start-on-start-event.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("StartEvent_1");
  }

  @Test
  void theSameListenerTwiceOnOneElementIsRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("invalid/execution-listeners-duplicated.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("audit");
  }

  @Test
  void anEndListenerOnAGatewayIsRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("execution-listener-end-on-gateway.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Gateway_Listened");
  }

  @Test
  void aListenerOutOfRetriesRaisesAnExecutionListenerIncident() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    String instance = http.createInstance("execution-listeners-service-task");
    JsonNode start = http.activateOne("el-start");

    http.post("/jobs/" + start.path("jobKey").asText() + "/failure", Map.of("retries", 0));

    assertThat(http.awaitActiveIncident(instance).path("errorType").asText()).isEqualTo("EXECUTION_LISTENER_NO_RETRIES");
  }

  @Test
  void resolvingTheListenerIncidentRerunsTheListenerAndThenTheTask() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    String instance = http.createInstance("execution-listeners-service-task");
    JsonNode start = http.activateOne("el-start");
    http.post("/jobs/" + start.path("jobKey").asText() + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(instance);

    http.patch("/jobs/" + start.path("jobKey").asText(), Map.of("changeset", Map.of("retries", 1)));
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    JsonNode again = http.activateOne("el-start");
    assertThat(again.path("listenerEventType").asText()).isEqualTo("START");
    http.completeJob(again.path("jobKey").asText(), Map.of());
    http.activateOne("el-main");
  }

  @Test
  void listenerJobsAreFoundByKindAndEventType() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    http.createInstance("execution-listeners-service-task");
    http.awaitJobExists("el-start");

    assertThat(http.search("jobs", Map.of("filter", Map.of("kind", "EXECUTION_LISTENER", "listenerEventType", "START"))))
        .extracting(j -> j.path("type").asText())
        .containsExactly("el-start");
    assertThat(http.search("jobs", Map.of("filter", Map.of("kind", "BPMN_ELEMENT")))).isEmpty();
  }

  @Test
  void anExecutionListenerJobCannotThrowABpmnError() {
    http.deployOk(bpmn("execution-listeners-service-task.bpmn"));
    http.createInstance("execution-listeners-service-task");
    JsonNode start = http.activateOne("el-start");

    String detail =
        assertProblem(http.post("/jobs/" + start.path("jobKey").asText() + "/error", Map.of("errorCode", "X")), 409, "INVALID_STATE");
    assertThat(detail).contains("EXECUTION_LISTENER");
  }
}
