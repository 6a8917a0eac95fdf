package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v2/decision-definitions/evaluation}: hit policies, literal expressions, required
 * decisions, failures, and the decision instances every evaluation leaves behind.
 */
class DecisionEvaluationTest extends EngineScenario {

  @Test
  void uniqueHitPolicyWithARequiredDecisionListsBothEvaluatedDecisionsRequiredFirst() {
    JsonNode deployment = http.deployOk(dmn("dinner.dmn"));
    String dishKey = deployment.path("deployments").get(0).path("decisionDefinition").path("decisionDefinitionKey").asText();

    JsonNode result = evaluate(Map.of("decisionDefinitionId", "dish", "variables", Map.of("month", 1, "guestCount", 4)));

    assertThat(result.path("decisionDefinitionId").asText()).isEqualTo("dish");
    assertThat(result.path("decisionDefinitionKey").asText()).isEqualTo(dishKey);
    assertThat(result.path("decisionDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(result.path("decisionRequirementsId").asText()).isEqualTo("dinner");
    assertThat(result.path("output").asText()).isEqualTo("\"Roastbeef\"");
    assertThat(result.path("failureMessage").isNull()).isTrue();
    assertThat(result.path("decisionInstanceKey").asText()).isEqualTo(result.path("decisionEvaluationKey").asText());

    JsonNode season = result.path("evaluatedDecisions").get(0);
    JsonNode dish = result.path("evaluatedDecisions").get(1);
    assertThat(result.path("evaluatedDecisions")).hasSize(2);
    assertThat(season.path("decisionDefinitionId").asText()).isEqualTo("season");
    assertThat(season.path("output").asText()).isEqualTo("\"Winter\"");
    assertThat(season.path("decisionDefinitionType").asText()).isEqualTo("DECISION_TABLE");
    assertThat(season.path("matchedRules").get(0).path("ruleId").asText()).isEqualTo("Rule_Winter");
    assertThat(season.path("matchedRules").get(0).path("ruleIndex").asInt()).isEqualTo(1);
    assertThat(season.path("decisionEvaluationInstanceKey").asText()).isEqualTo(result.path("decisionEvaluationKey").asText() + "-1");

    assertThat(dish.path("decisionEvaluationInstanceKey").asText()).isEqualTo(result.path("decisionEvaluationKey").asText() + "-2");
    assertThat(dish.path("evaluatedInputs")).extracting(i -> i.path("inputId").asText() + "=" + i.path("inputValue").asText())
        .containsExactly("Input_Season=\"Winter\"", "Input_Guests=4");
    assertThat(dish.path("evaluatedInputs").get(1).path("inputName").asText()).isEqualTo("How many guests");
    JsonNode rule = dish.path("matchedRules").get(0);
    assertThat(rule.path("ruleId").asText()).isEqualTo("Rule_WinterFew");
    assertThat(rule.path("evaluatedOutputs").get(0).path("outputId").asText()).isEqualTo("Output_Dish");
    assertThat(rule.path("evaluatedOutputs").get(0).path("outputName").asText()).isEqualTo("dish");
    assertThat(rule.path("evaluatedOutputs").get(0).path("outputValue").asText()).isEqualTo("\"Roastbeef\"");
  }

  @Test
  void firstHitPolicyTakesTheFirstMatchingRuleInTableOrder() {
    http.deployOk(dmn("discount.dmn"));

    JsonNode gold = evaluate(Map.of("decisionDefinitionId", "discount", "variables", Map.of("customerType", "gold", "orderTotal", 50)));
    JsonNode big = evaluate(Map.of("decisionDefinitionId", "discount", "variables", Map.of("customerType", "silver", "orderTotal", 150)));

    assertThat(gold.path("output").asText()).isEqualTo("10");
    assertThat(gold.path("evaluatedDecisions").get(0).path("matchedRules")).extracting(r -> r.path("ruleIndex").asInt()).containsExactly(2);
    assertThat(big.path("output").asText()).isEqualTo("5");
  }

  @Test
  void collectHitPolicyListsTheOutputOfEveryMatchingRule() {
    http.deployOk(dmn("order-checks.dmn"));

    JsonNode result = evaluate(Map.of("decisionDefinitionId", "checks", "variables", Map.of("amount", 5000, "country", "FR")));

    assertThat(jsonTexts(result.path("output").asText())).containsExactly("\"fraud\"", "\"export\"", "\"stock\"");
    assertThat(result.path("evaluatedDecisions").get(0).path("matchedRules")).extracting(r -> r.path("ruleId").asText())
        .containsExactly("Rule_Fraud", "Rule_Export", "Rule_Stock");
  }

  @Test
  void ruleOrderHitPolicyWithTwoOutputsGivesAListOfContextsInRuleOrder() {
    http.deployOk(dmn("order-checks.dmn"));

    JsonNode result = evaluate(Map.of("decisionDefinitionId", "routing", "variables", Map.of("channel", "phone")));

    JsonNode output = EngineHttp.parse(result.path("output").asText());
    assertThat(output).hasSize(2);
    assertThat(output.get(0).path("team").asText()).isEqualTo("hotline");
    assertThat(output.get(0).path("priority").asInt()).isEqualTo(1);
    assertThat(output.get(1).path("team").asText()).isEqualTo("backoffice");
    assertThat(result.path("evaluatedDecisions").get(0).path("matchedRules").get(0).path("evaluatedOutputs")).hasSize(2);
  }

  @Test
  void aLiteralExpressionDecisionEvaluatesItsExpression() {
    JsonNode deployment = http.deployOk(dmn("greeting.dmn"));
    String key = deployment.path("deployments").get(0).path("decisionDefinition").path("decisionDefinitionKey").asText();

    JsonNode result = evaluate(Map.of("decisionDefinitionKey", key, "variables", Map.of("name", "Ada")));

    assertThat(result.path("output").asText()).isEqualTo("\"Hello Ada!\"");
    JsonNode evaluated = result.path("evaluatedDecisions").get(0);
    assertThat(evaluated.path("decisionDefinitionType").asText()).isEqualTo("LITERAL_EXPRESSION");
    assertThat(evaluated.path("matchedRules")).isEmpty();
    assertThat(evaluated.path("evaluatedInputs")).isEmpty();
  }

  @Test
  void aFailingRequiredChainAnswers200WithTheFailureAndRecordsEveryDecisionAsFailed() {
    // the dish table's summer rule also matches winter: two rules match, which a UNIQUE table forbids
    String overlapping =
        new String(EngineHttp.readResource(dmn("dinner.dmn")), java.nio.charset.StandardCharsets.UTF_8)
            .replace("<inputEntry id=\"UnaryTests_1bslyq2\">\n          <text>\"Summer\"</text>", "<inputEntry id=\"UnaryTests_1bslyq2\">\n          <text>\"Summer\",\"Winter\"</text>");
    assertThat(http.deployFiles(Map.of("dinner.dmn", overlapping.getBytes(java.nio.charset.StandardCharsets.UTF_8))).status()).isEqualTo(200);

    JsonNode result = evaluate(Map.of("decisionDefinitionId", "dish", "variables", Map.of("month", 1, "guestCount", 4)));

    assertThat(result.path("failedDecisionDefinitionId").asText()).isEqualTo("dish");
    assertThat(result.path("failureMessage").asText()).startsWith("Expected to evaluate decision 'dish', but").contains("UNIQUE");
    assertThat(result.path("output").asText()).isEqualTo("null");
    assertThat(result.path("evaluatedDecisions").get(0).path("decisionDefinitionId").asText()).isEqualTo("season");
    assertThat(result.path("evaluatedDecisions").get(0).path("output").asText()).isEqualTo("\"Winter\"");

    List<JsonNode> instances =
        http.search("decision-instances", Map.of("filter", Map.of("decisionEvaluationKey", result.path("decisionEvaluationKey").asText())));
    assertThat(instances).extracting(i -> i.path("state").asText()).containsOnly("FAILED");
    assertThat(instances).extracting(i -> i.path("decisionDefinitionId").asText()).containsExactly("season", "dish");
    assertThat(instances.get(1).path("evaluationFailure").asText()).isEqualTo(result.path("failureMessage").asText());
    assertThat(instances.get(0).path("evaluationFailure").isNull()).isTrue();
    assertThat(instances.get(1).path("result").asText()).as("the failed decision has no result").isEqualTo("null");
  }

  @Test
  void anUnknownDecisionIdIsNotFound() {
    JsonNode problem = evaluate(Map.of("decisionDefinitionId", "nothing-here", "variables", Map.of()), 404);

    assertThat(problem.path("detail").asText()).isEqualTo("Expected to evaluate decision 'nothing-here', but no decision found for id 'nothing-here'");
  }

  @Test
  void evaluationNeedsExactlyOneOfIdAndKey() {
    EngineHttp.Response none = http.post("/decision-definitions/evaluation", Map.of("variables", Map.of()));
    EngineHttp.Response both = http.post("/decision-definitions/evaluation", Map.of("decisionDefinitionId", "a", "decisionDefinitionKey", "1"));
    EngineHttp.Response unknownKey = http.post("/decision-definitions/evaluation", Map.of("decisionDefinitionKey", "2251799813685249"));

    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("detail").asText()).contains("At least one of [decisionDefinitionId, decisionDefinitionKey] is required");
    assertThat(both.status()).isEqualTo(400);
    assertThat(unknownKey.status()).isEqualTo(404);
  }

  @Test
  void everyEvaluatedDecisionIsADecisionInstanceWithItsInputsAndMatchedRules() {
    http.deployOk(dmn("dinner.dmn"));
    JsonNode result = evaluate(Map.of("decisionDefinitionId", "dish", "variables", Map.of("month", 7, "guestCount", 12)));
    String evaluationKey = result.path("decisionEvaluationKey").asText();

    List<JsonNode> instances = http.search("decision-instances", Map.of("filter", Map.of("decisionEvaluationKey", evaluationKey)));

    assertThat(instances).extracting(i -> i.path("decisionDefinitionId").asText()).containsExactly("season", "dish");
    JsonNode dish = instances.get(1);
    assertThat(dish.path("state").asText()).isEqualTo("EVALUATED");
    assertThat(dish.path("result").asText()).isEqualTo("\"Light salad\"");
    assertThat(dish.path("rootDecisionDefinitionKey").asText()).isEqualTo(result.path("decisionDefinitionKey").asText());
    assertThat(dish.path("processInstanceKey").asText()).as("no process: -1, as Camunda stores it").isEqualTo("-1");
    assertThat(dish.path("rootProcessInstanceKey").isNull()).isTrue();
    assertThat(dish.path("evaluationDate").asText()).endsWith("Z");
    assertThat(dish.has("matchedRules")).as("the search leaves the details out").isFalse();

    JsonNode got = http.get("/decision-instances/" + dish.path("decisionEvaluationInstanceKey").asText()).json();
    assertThat(got.path("matchedRules").get(0).path("ruleId").asText()).isEqualTo("Rule_Summer");
    assertThat(got.path("evaluatedInputs").get(0).path("inputValue").asText()).isEqualTo("\"Summer\"");
    assertThat(http.get("/decision-instances/" + evaluationKey + "-9").status()).isEqualTo(404);
    assertThat(http.search("decision-instances", Map.of("filter", Map.of("decisionDefinitionId", "season", "state", "EVALUATED"))))
        .hasSize(1);
  }

  private JsonNode evaluate(Map<String, ?> body) {
    return evaluate(body, 200);
  }

  private JsonNode evaluate(Map<String, ?> body, int status) {
    EngineHttp.Response response = http.post("/decision-definitions/evaluation", body);
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response.json();
  }

  private static List<String> jsonTexts(String array) {
    List<String> items = new java.util.ArrayList<>();
    EngineHttp.parse(array).forEach(item -> items.add(item.toString()));
    return items;
  }
}
