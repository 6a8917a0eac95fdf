package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message and signal throw and end events, and link events. */
class ThrowEventsTest extends EngineScenario {

  @Test
  void messageThrowAndEndEventsAreJobsForAWorkerLikeServiceTasks() {
    http.deployOk(bpmn("message-throw-events.bpmn"));
    String instance = http.createInstance("message-throw-events", Map.of("orderId", "o-7"));

    JsonNode reminder = http.activateOne("send-reminder");
    assertThat(reminder.path("elementId").asText()).isEqualTo("Event_SendReminder");
    assertThat(reminder.path("customHeaders").path("channel").asText()).isEqualTo("email");
    http.completeJob(reminder.path("jobKey").asText(), Map.of("remindedAt", "today"));

    JsonNode receipt = http.activateOne("send-receipt");
    assertThat(receipt.path("elementId").asText()).isEqualTo("Event_SendReceipt");
    assertThat(receipt.path("variables").path("remindedAt").asText()).isEqualTo("today");
    http.completeJob(receipt.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void signalThrowAndEndEventsBroadcastWithTheirInputMappedVariables() {
    http.deployOk(bpmn("signal-ready-catcher.bpmn"));
    http.deployOk(bpmn("signal-closed-start.bpmn"));
    http.deployOk(bpmn("signal-thrower.bpmn"));
    String catcher = http.createInstance("signal-ready-catcher");

    String thrower = http.createInstance("signal-thrower", Map.of("orderId", "o-42"));

    http.awaitInstanceState(thrower, "COMPLETED");
    JsonNode pack = http.activateOne("pack-ready");
    assertThat(pack.path("processInstanceKey").asText()).isEqualTo(catcher);
    assertThat(pack.path("variables").path("readyOrder").asText()).isEqualTo("o-42");
    JsonNode archive = http.activateOne("archive-order");
    assertThat(archive.path("processDefinitionId").asText()).isEqualTo("signal-closed-start");
    assertThat(archive.path("variables").path("closedOrder").asText()).isEqualTo("o-42");
    assertThat(archive.path("variables").has("orderId")).as("only the end event's input mappings travel").isFalse();
  }

  @Test
  void aLinkThrowEventContinuesAtTheLinkCatchEventOfTheSameName() {
    http.deployOk(bpmn("link-events.bpmn"));
    String instance = http.createInstance("link-events");

    http.completeNext("before-link", Map.of());

    JsonNode after = http.activateOne("after-link");
    assertThat(after.path("processInstanceKey").asText()).isEqualTo(instance);
    http.completeJob(after.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aLinkThrowEventWithoutACatchEventOfItsNameIsRejected() {
    String detail = assertProblem(http.deploy(bpmn("invalid/link-without-catch.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Event_Nowhere").contains("nowhere");
  }
}
