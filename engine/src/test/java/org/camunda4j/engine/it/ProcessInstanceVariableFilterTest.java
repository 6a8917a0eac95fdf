package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/process-instances/search} with {@code variables}: root variables compared by JSON text. */
class ProcessInstanceVariableFilterTest extends EngineScenario {

  @Test
  void onlyInstancesWhoseRootVariableHasThatJsonTextMatch() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String gold = http.createInstance("single-service-task", Map.of("tier", "gold", "limit", 10));
    http.createInstance("single-service-task", Map.of("tier", "silver", "limit", 10));

    List<JsonNode> golden =
        http.search("process-instances", Map.of("filter", Map.of("variables", List.of(Map.of("name", "tier", "value", "\"gold\"")))));
    List<JsonNode> bothConditions =
        http.search(
            "process-instances",
            Map.of(
                "filter",
                Map.of(
                    "variables",
                    List.of(Map.of("name", "tier", "value", Map.of("$eq", "\"gold\"")), Map.of("name", "limit", "value", "10")))));

    assertThat(golden).extracting(i -> i.path("processInstanceKey").asText()).containsExactly(gold);
    assertThat(bothConditions).extracting(i -> i.path("processInstanceKey").asText()).containsExactly(gold);
  }

  @Test
  void aVariableConditionWithoutNameIsRejected() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    assertProblem(
        http.post("/process-instances/search", Map.of("filter", Map.of("variables", List.of(Map.of("value", "1"))))),
        400,
        "INVALID_ARGUMENT");
  }
}
