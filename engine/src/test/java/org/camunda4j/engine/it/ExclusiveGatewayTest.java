package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exclusive gateways: FEEL conditions, the default flow, and the incident when nothing matches. */
class ExclusiveGatewayTest extends EngineScenario {

  @Test
  void theFlowWhoseConditionHoldsIsTaken() {
    http.deployOk(bpmn("exclusive-gateway-conditions.bpmn"));
    String big = http.createInstance("exclusive-gateway-conditions", Map.of("amount", 500));
    String small = http.createInstance("exclusive-gateway-conditions", Map.of("amount", 50));

    assertThat(http.activateOne("approve-big").path("processInstanceKey").asText()).isEqualTo(big);
    assertThat(http.activateOne("approve-small").path("processInstanceKey").asText()).isEqualTo(small);
  }

  @Test
  void whenSeveralConditionsHoldTheFirstFlowInModelOrderIsTaken() {
    http.deployOk(bpmn("exclusive-gateway-first-match.bpmn"));
    String instance = http.createInstance("exclusive-gateway-first-match", Map.of("score", 95));

    assertThat(http.activateOne("grade-pass").path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(http.activateNow("grade-distinction")).isEmpty();
  }

  @Test
  void theDefaultFlowIsTakenWhenNoConditionHolds() {
    http.deployOk(bpmn("exclusive-gateway-default-flow.bpmn"));
    String high = http.createInstance("exclusive-gateway-default-flow", Map.of("priority", "high"));
    String low = http.createInstance("exclusive-gateway-default-flow", Map.of("priority", "low"));

    assertThat(http.activateOne("express").path("processInstanceKey").asText()).isEqualTo(high);
    assertThat(http.activateOne("standard").path("processInstanceKey").asText()).isEqualTo(low);
  }

  @Test
  void aMissingVariableMakesTheConditionFalseSoTheDefaultFlowIsTaken() {
    http.deployOk(bpmn("exclusive-gateway-default-flow.bpmn"));
    String instance = http.createInstance("exclusive-gateway-default-flow");

    assertThat(http.activateOne("standard").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void noMatchingFlowAndNoDefaultRaisesAConditionErrorIncident() {
    http.deployOk(bpmn("exclusive-gateway-conditions.bpmn"));
    String instance = http.createInstance("exclusive-gateway-conditions");

    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Gateway_Amount");
    assertThat(incident.path("errorMessage").asText()).isNotBlank();
    assertThat(incident.path("jobKey").isNull()).as("not a job incident").isTrue();
    assertThat(http.awaitInstanceState(instance, "ACTIVE").path("hasIncident").asBoolean()).isTrue();
  }

  @Test
  void resolvingTheConditionIncidentAfterFixingTheVariablesReEvaluatesTheGateway() {
    http.deployOk(bpmn("exclusive-gateway-conditions.bpmn"));
    String instance = http.createInstance("exclusive-gateway-conditions");
    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("amount", 150))).status())
        .isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    assertThat(http.activateOne("approve-big").path("processInstanceKey").asText()).isEqualTo(instance);
    Eventually.get(
        "the incident to be resolved",
        () -> http.get("/incidents/" + incident.path("incidentKey").asText()).json(),
        i -> "RESOLVED".equals(i.path("state").asText()));
  }
}
