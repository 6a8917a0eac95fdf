package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Business rule tasks with {@code zeebe:calledDecision}: the decision runs with the instance's
 * variables, its result lands in {@code resultVariable}, and what fails becomes an incident whose
 * resolution evaluates again.
 */
class BusinessRuleTaskTest extends EngineScenario {

  @Test
  void theDecisionResultIsSetAsTheResultVariableAndTheInstanceGoesOn() {
    http.deployOk(bpmn("business-rule-dish.bpmn"), dmn("dinner.dmn"));
    String instance = http.createInstance("business-rule-dish", Map.of("month", 12, "guestCount", 10));

    JsonNode job = http.activateOne("business-rule-dish-act");

    assertThat(job.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(job.path("variables").path("dish").asText()).isEqualTo("Stew");
    List<JsonNode> decisions = http.search("decision-instances", Map.of("filter", Map.of("processInstanceKey", instance)));
    assertThat(decisions).extracting(d -> d.path("decisionDefinitionId").asText()).containsExactly("season", "dish");
    assertThat(decisions.get(1).path("elementInstanceKey").asText()).isNotBlank();
    assertThat(decisions.get(1).path("processDefinitionKey").asText()).isNotBlank();
    assertThat(decisions.get(1).path("rootProcessInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void theDecisionIdMayBeAFeelExpression() {
    http.deployOk(bpmn("business-rule-feel-decision-id.bpmn"), dmn("greeting.dmn"));
    String instance = http.createInstance("business-rule-feel-decision-id", Map.of("decisionToUse", "greeting", "name", "Grace"));

    assertThat(http.activateOne("business-rule-feel-decision-id-act").path("variables").path("outcome").asText()).isEqualTo("Hello Grace!");
    assertThat(http.incidentsOf(instance)).isEmpty();
  }

  @Test
  void aMissingDecisionRaisesACalledDecisionErrorAndResolvingAfterDeployingItEvaluates() {
    http.deployOk(bpmn("business-rule-feel-decision-id.bpmn"));
    String instance = http.createInstance("business-rule-feel-decision-id", Map.of("decisionToUse", "greeting", "name", "Alan"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Decide");
    assertThat(incident.path("errorMessage").asText()).isEqualTo("Expected to evaluate decision 'greeting', but no decision found for id 'greeting'");

    http.deployOk(dmn("greeting.dmn"));
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    assertThat(http.activateOne("business-rule-feel-decision-id-act").path("variables").path("outcome").asText()).isEqualTo("Hello Alan!");
  }

  @Test
  void aFailingEvaluationRaisesADecisionEvaluationErrorAndResolvingAfterFixingVariablesEvaluatesAgain() {
    String overlapping =
        new String(EngineHttp.readResource(dmn("dinner.dmn")), StandardCharsets.UTF_8)
            .replace("<inputEntry id=\"UnaryTests_1bslyq2\">\n          <text>\"Summer\"</text>",
                "<inputEntry id=\"UnaryTests_1bslyq2\">\n          <text>\"Summer\",\"Winter\"</text>");
    http.deployFiles(Map.of("dinner.dmn", overlapping.getBytes(StandardCharsets.UTF_8), "business-rule-dish.bpmn",
        EngineHttp.readResource(bpmn("business-rule-dish.bpmn"))));
    String instance = http.createInstance("business-rule-dish", Map.of("month", 1, "guestCount", 2));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incident.path("errorMessage").asText()).startsWith("Expected to evaluate decision 'dish', but");
    assertThat(http.search("decision-instances", Map.of("filter", Map.of("processInstanceKey", instance, "state", "FAILED")))).hasSize(2);

    // in summer only the summer rule matches
    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("month", 7))).status()).isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    assertThat(http.activateOne("business-rule-dish-act").path("variables").path("dish").asText()).isEqualTo("Light salad");
  }

  @Test
  void versionTagBindingTakesTheLatestVersionWithThatTag() {
    String source = new String(EngineHttp.readResource(dmn("discount.dmn")), StandardCharsets.UTF_8);
    String tagged = source.replace("<decision id=\"discount\" name=\"Discount\">", "<decision id=\"discount\" name=\"Discount\" camunda:versionTag=\"2026-spring\">")
        .replace("<definitions ", "<definitions xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" ");
    http.deployFiles(Map.of("discount.dmn", tagged.getBytes(StandardCharsets.UTF_8)));
    http.deployFiles(Map.of("discount.dmn", source.replace("<text>10</text>", "<text>99</text>").getBytes(StandardCharsets.UTF_8)));
    http.deployOk(bpmn("business-rule-version-tag.bpmn"));

    http.createInstance("business-rule-version-tag", Map.of("customerType", "gold", "orderTotal", 20));

    assertThat(http.activateOne("business-rule-version-tag-act").path("variables").path("discount").asInt())
        .as("version 1 carries the tag, version 2 (latest) does not").isEqualTo(10);
  }

  @Test
  void deploymentBindingTakesTheDecisionDeployedWithTheProcess() {
    http.deployOk(bpmn("business-rule-deployment-binding.bpmn"), dmn("discount.dmn"));
    String source = new String(EngineHttp.readResource(dmn("discount.dmn")), StandardCharsets.UTF_8);
    http.deployFiles(Map.of("discount.dmn", source.replace("<text>10</text>", "<text>99</text>").getBytes(StandardCharsets.UTF_8)));

    http.createInstance("business-rule-deployment-binding", Map.of("customerType", "gold", "orderTotal", 20));

    assertThat(http.activateOne("business-rule-deployment-binding-act").path("variables").path("discount").asInt()).isEqualTo(10);
  }

  @Test
  void deploymentBindingWithoutTheDecisionInTheDeploymentRaisesAnIncident() {
    http.deployOk(dmn("discount.dmn"));
    http.deployOk(bpmn("business-rule-deployment-binding.bpmn"));

    String instance = http.createInstance("business-rule-deployment-binding", Map.of("customerType", "gold", "orderTotal", 20));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.path("errorMessage").asText()).contains("binding type 'deployment'");
  }
}
