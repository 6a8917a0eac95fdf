package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /v2/variables/search and GET /v2/variables/{key}: values travel as their JSON text. */
class VariableApiTest extends EngineScenario {

  @Test
  void searchAnswersEachVariableWithItsJsonTextAsValue() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance =
        http.createInstance(
            "single-service-task", Map.of("name", "abc", "count", 42, "flag", true, "order", Map.of("id", "o-1")));

    List<JsonNode> items = http.search("variables", Map.of("filter", Map.of("processInstanceKey", instance)));

    assertThat(items).hasSize(4);
    Map<String, String> values = new java.util.HashMap<>();
    for (JsonNode item : items) {
      values.put(item.path("name").asText(), item.path("value").asText());
      Keys.assertKey(item.path("variableKey"));
      assertThat(item.path("scopeKey").asText()).isEqualTo(instance);
      assertThat(item.path("processInstanceKey").asText()).isEqualTo(instance);
      assertThat(item.path("tenantId").asText()).isEqualTo("<default>");
      assertThat(item.path("isTruncated").asBoolean()).isFalse();
      assertThat(item.has("rootProcessInstanceKey")).isTrue();
    }
    assertThat(values)
        .containsEntry("name", "\"abc\"")
        .containsEntry("count", "42")
        .containsEntry("flag", "true");
    assertThat(EngineHttp.parse(values.get("order")).path("id").asText()).isEqualTo("o-1");
  }

  @Test
  void searchFiltersByName() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task", Map.of("a", 1, "b", 2));

    List<JsonNode> items =
        http.search("variables", Map.of("filter", Map.of("processInstanceKey", instance, "name", "b")));

    assertThat(items).extracting(i -> i.path("name").asText()).containsExactly("b");
  }

  @Test
  void searchReturnsOnlyVariablesDefinedOnAScopeNotInheritedOnes() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String instance = http.createInstance("embedded-subprocess", Map.of("customer", "Ada"));
    JsonNode inner = http.activateOne("inner-work");

    List<JsonNode> all = http.search("variables", Map.of("filter", Map.of("processInstanceKey", instance)));

    assertThat(all).extracting(i -> i.path("name").asText()).containsExactlyInAnyOrder("customer", "subLocal");
    JsonNode subLocal = all.stream().filter(i -> i.path("name").asText().equals("subLocal")).findFirst().orElseThrow();
    assertThat(subLocal.path("scopeKey").asText()).isNotEqualTo(instance);
    assertThat(http.variablesOfScope(inner.path("elementInstanceKey").asText())).as("the task defines nothing").isEmpty();
  }

  @Test
  void aVariableCanBeReadByKey() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task", Map.of("name", "abc"));
    JsonNode item = http.search("variables", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst();

    EngineHttp.Response response = http.get("/variables/" + item.path("variableKey").asText());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertThat(response.json().path("name").asText()).isEqualTo("name");
    assertThat(response.json().path("value").asText()).isEqualTo("\"abc\"");
    assertThat(response.json().path("scopeKey").asText()).isEqualTo(instance);
    assertThat(response.json().has("isTruncated")).as("GET returns the full value, so no isTruncated member").isFalse();
  }

  @Test
  void getAnUnknownVariableIs404() {
    String detail = assertProblem(http.get("/variables/2251799813699999"), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  @Test
  void settingVariablesOnAnInstanceUpdatesExistingOnesAndAddsNewOnes() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task", Map.of("a", 1));

    EngineHttp.Response response =
        http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("a", 2, "b", "new")));

    assertThat(response.status()).isEqualTo(204);
    Map<String, JsonNode> root = http.variablesOfScope(instance);
    assertThat(root.get("a").asInt()).isEqualTo(2);
    assertThat(root.get("b").asText()).isEqualTo("new");
  }

  @Test
  void settingVariablesOnAnUnknownScopeIs404() {
    assertProblem(
        http.put("/element-instances/2251799813699999/variables", Map.of("variables", Map.of("a", 1))),
        404,
        "NOT_FOUND");
  }

  @Test
  void settingLocalVariablesOnATaskScopeKeepsThemThere() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task", Map.of("a", 1));
    String taskScope = http.activateOne("work").path("elementInstanceKey").asText();

    EngineHttp.Response response =
        http.put("/element-instances/" + taskScope + "/variables", Map.of("variables", Map.of("note", "local"), "local", true));

    assertThat(response.status()).isEqualTo(204);
    assertThat(http.variablesOfScope(taskScope)).containsOnlyKeys("note");
    assertThat(http.variablesOfScope(instance)).containsOnlyKeys("a");
  }

  @Test
  void settingVariablesWithoutAVariablesObjectIsRejected() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");

    String detail = assertProblem(http.put("/element-instances/" + instance + "/variables", Map.of("local", true)), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("variables");
  }
}
