package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variable scopes (engine-semantics §2.8): completion variables without output mappings land on
 * the nearest scope that already defines them, otherwise on the process instance.
 */
class VariablePropagationTest extends EngineScenario {

  @Test
  void completionVariablesGoToTheNearestDefiningScopeOrTheRoot() {
    http.deployOk(bpmn("variable-propagation.bpmn"));
    String instance = http.createInstance("variable-propagation", Map.of("existingRoot", 1));

    JsonNode produce = http.activateOne("propagate");
    assertThat(produce.path("variables").path("localCounter").asInt()).isZero();
    http.completeJob(
        produce.path("jobKey").asText(), Map.of("localCounter", 5, "existingRoot", 2, "brandNew", "x"));

    JsonNode inspect = http.activateOne("inspect");
    assertThat(inspect.path("variables").path("existingRoot").asInt()).isEqualTo(2);
    assertThat(inspect.path("variables").path("brandNew").asText()).isEqualTo("x");
    assertThat(inspect.path("variables").has("localCounter"))
        .as("localCounter was defined by the sub-process, so the update stayed there")
        .isFalse();

    Map<String, JsonNode> root = http.variablesOfScope(instance);
    assertThat(root).containsOnlyKeys("existingRoot", "brandNew");
    assertThat(root.get("existingRoot").asInt()).isEqualTo(2);

    List<JsonNode> counters = http.search("variables", Map.of("filter", Map.of("name", "localCounter")));
    assertThat(counters).hasSize(1);
    assertThat(counters.getFirst().path("value").asText()).isEqualTo("5");
    assertThat(counters.getFirst().path("scopeKey").asText()).isNotEqualTo(instance);
    assertThat(counters.getFirst().path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void theJobSeesInnerScopesShadowingOuterOnes() {
    http.deployOk(bpmn("variable-propagation.bpmn"));
    http.createInstance("variable-propagation", Map.of("localCounter", 99));

    JsonNode produce = http.activateOne("propagate");

    assertThat(produce.path("variables").path("localCounter").asInt())
        .as("the sub-process local shadows the root variable of the same name")
        .isZero();
  }
}
