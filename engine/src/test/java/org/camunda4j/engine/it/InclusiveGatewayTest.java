package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inclusive gateways fork on every true condition and join every token that can still arrive. */
class InclusiveGatewayTest extends EngineScenario {

  @Test
  void everyFlowWhoseConditionIsTrueIsTakenAndTheJoinWaitsForAllOfThem() {
    http.deployOk(bpmn("inclusive-gateway.bpmn"));
    String instance = http.createInstance("inclusive-gateway", Map.of("amount", 500, "express", true));

    JsonNode approve = http.activateOne("approve");
    JsonNode express = http.activateOne("express");
    assertThat(http.activateNow("standard")).as("the default flow is not taken when a condition holds").isEmpty();

    http.completeJob(approve.path("jobKey").asText(), Map.of());
    assertThat(http.activateNow("ship")).as("the join still waits for the express branch").isEmpty();
    http.completeJob(express.path("jobKey").asText(), Map.of());

    http.completeNext("ship", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void theJoinDoesNotWaitForABranchThatWasNotTaken() {
    http.deployOk(bpmn("inclusive-gateway.bpmn"));
    String instance = http.createInstance("inclusive-gateway", Map.of("amount", 500, "express", false));

    http.completeNext("approve", Map.of());

    http.completeNext("ship", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("express")).isEmpty();
  }

  @Test
  void theDefaultFlowIsTakenWhenNoConditionHolds() {
    http.deployOk(bpmn("inclusive-gateway.bpmn"));
    String instance = http.createInstance("inclusive-gateway", Map.of("amount", 5, "express", false));

    http.completeNext("standard", Map.of());

    http.completeNext("ship", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void noTrueConditionAndNoDefaultFlowRaisesAnIncidentThatReEvaluatesWhenResolved() {
    http.deployOk(bpmn("inclusive-gateway-no-match.bpmn"));
    String instance = http.createInstance("inclusive-gateway-no-match", Map.of("route", "c"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Gateway_Fork");

    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("route", "b"))).status())
        .isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    http.completeNext("route-b", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void theJoinGoesOnOnceTheOtherTokenCanNoLongerArrive() {
    http.deployOk(bpmn("inclusive-join-branch-ends.bpmn"));
    String instance = http.createInstance("inclusive-join-branch-ends", Map.of("skip", false));

    http.completeNext("branch-a", Map.of());
    assertThat(http.activateNow("after-join")).as("branch b can still reach the join").isEmpty();

    http.completeNext("branch-b", Map.of("skip", true));

    http.completeNext("after-join", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void theJoinWaitsForATokenThatTakesTheLongWayRound() {
    http.deployOk(bpmn("inclusive-join-branch-ends.bpmn"));
    String instance = http.createInstance("inclusive-join-branch-ends", Map.of("skip", false));

    http.completeNext("branch-a", Map.of());
    http.completeNext("branch-b", Map.of());

    http.completeNext("after-join", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("after-join")).as("the join activated once, for both tokens").isEmpty();
  }
}
