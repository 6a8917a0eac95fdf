package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploying DMN files: answers, versions, graphs with required decisions, and what is rejected. */
class DecisionDeploymentTest extends EngineScenario {

  @Test
  void aDmnFileDeploysItsDecisionsAndItsDecisionRequirementsGraph() {
    JsonNode answer = http.deployOk(dmn("dinner.dmn"));

    List<JsonNode> entries = list(answer.path("deployments"));
    assertThat(entries).hasSize(3);
    JsonNode dish = entries.get(0).path("decisionDefinition");
    JsonNode season = entries.get(1).path("decisionDefinition");
    JsonNode graph = entries.get(2).path("decisionRequirements");
    assertThat(dish.path("decisionDefinitionId").asText()).isEqualTo("dish");
    assertThat(dish.path("name").asText()).isEqualTo("Dish");
    assertThat(dish.path("version").asInt()).isEqualTo(1);
    assertThat(dish.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(dish.path("decisionRequirementsId").asText()).isEqualTo("dinner");
    assertThat(dish.path("decisionRequirementsKey").asText()).isEqualTo(graph.path("decisionRequirementsKey").asText());
    assertThat(season.path("decisionDefinitionId").asText()).isEqualTo("season");
    assertThat(graph.path("decisionRequirementsId").asText()).isEqualTo("dinner");
    assertThat(graph.path("decisionRequirementsName").asText()).isEqualTo("Dinner");
    assertThat(graph.path("resourceName").asText()).isEqualTo("dinner.dmn");
    assertThat(graph.path("version").asInt()).isEqualTo(1);
    assertThat(entries.get(0).path("processDefinition").isNull()).isTrue();
  }

  @Test
  void bpmnAndDmnDeployTogetherProcessesFirst() {
    JsonNode answer = http.deployOk(dmn("discount.dmn"), bpmn("start-end.bpmn"));

    List<JsonNode> entries = list(answer.path("deployments"));
    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).path("processDefinition").path("processDefinitionId").asText()).isNotBlank();
    assertThat(entries.get(1).path("decisionDefinition").path("decisionDefinitionId").asText()).isEqualTo("discount");
    assertThat(entries.get(2).path("decisionRequirements").path("decisionRequirementsId").asText()).isEqualTo("discount-rules");
  }

  @Test
  void aChangedFileMakesNewVersionsAndAnIdenticalOneKeepsThem() {
    JsonNode first = http.deployOk(dmn("greeting.dmn"));
    JsonNode same = http.deployOk(dmn("greeting.dmn"));
    String changed = new String(EngineHttp.readResource(dmn("greeting.dmn")), StandardCharsets.UTF_8).replace("Hello ", "Hi ");
    JsonNode second = http.deployFiles(Map.of("greeting.dmn", changed.getBytes(StandardCharsets.UTF_8))).json();

    JsonNode v1 = first.path("deployments").get(0).path("decisionDefinition");
    assertThat(same.path("deployments").get(0).path("decisionDefinition").path("decisionDefinitionKey").asText())
        .isEqualTo(v1.path("decisionDefinitionKey").asText());
    JsonNode v2 = second.path("deployments").get(0).path("decisionDefinition");
    assertThat(v2.path("version").asInt()).isEqualTo(2);
    assertThat(v2.path("decisionDefinitionKey").asText()).isNotEqualTo(v1.path("decisionDefinitionKey").asText());
    assertThat(second.path("deployments").get(1).path("decisionRequirements").path("version").asInt()).isEqualTo(2);

    JsonNode evaluated = http.post("/decision-definitions/evaluation", Map.of("decisionDefinitionId", "greeting", "variables", Map.of("name", "Ada"))).json();
    assertThat(evaluated.path("output").asText()).as("the latest version answers").isEqualTo("\"Hi Ada!\"");
  }

  @Test
  void anInvalidDmnFileIsRejectedNamingTheResourceAndTheProblem() {
    String broken =
        new String(EngineHttp.readResource(dmn("discount.dmn")), StandardCharsets.UTF_8).replace("&gt;= 100</text>", "&gt;= = 100</text>");
    EngineHttp.Response response = http.deployFiles(Map.of("discount.dmn", broken.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("'discount.dmn'").contains(">= = 100");
    assertThat(http.search("decision-definitions", Map.of())).isEmpty();
  }

  @Test
  void aFileThatIsNotDmnIsRejected() {
    EngineHttp.Response response = http.deployFiles(Map.of("rules.dmn", "<definitions>".getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText()).contains("'rules.dmn' is not a valid DMN file");
  }

  @Test
  void aDecisionIdTwiceInOneDeploymentIsRejected() {
    String copy =
        new String(EngineHttp.readResource(dmn("discount.dmn")), StandardCharsets.UTF_8).replace("id=\"discount-rules\"", "id=\"other-rules\"");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("discount.dmn", EngineHttp.readResource(dmn("discount.dmn")));
    files.put("discount-copy.dmn", copy.getBytes(StandardCharsets.UTF_8));

    EngineHttp.Response response = http.deployFiles(files);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asText())
        .contains("duplicated id 'discount' in the resources 'discount.dmn' and 'discount-copy.dmn'");
  }

  @Test
  void definitionsAndGraphsAreFoundByKeyWithTheirXml() {
    JsonNode answer = http.deployOk(dmn("dinner.dmn"));
    String dishKey = answer.path("deployments").get(0).path("decisionDefinition").path("decisionDefinitionKey").asText();
    String graphKey = answer.path("deployments").get(2).path("decisionRequirements").path("decisionRequirementsKey").asText();

    JsonNode dish = http.get("/decision-definitions/" + dishKey).json();
    assertThat(dish.path("decisionDefinitionId").asText()).isEqualTo("dish");
    assertThat(dish.path("decisionRequirementsName").asText()).isEqualTo("Dinner");
    assertThat(dish.path("decisionRequirementsVersion").asInt()).isEqualTo(1);
    EngineHttp.Response xml = http.get("/decision-definitions/" + dishKey + "/xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.mediaType()).isEqualTo("text/xml");
    assertThat(xml.body()).isEqualTo(new String(EngineHttp.readResource(dmn("dinner.dmn")), StandardCharsets.UTF_8));

    assertThat(http.get("/decision-requirements/" + graphKey).json().path("resourceName").asText()).isEqualTo("dinner.dmn");
    assertThat(http.get("/decision-requirements/" + graphKey + "/xml").body()).contains("id=\"dinner\"");
    assertThat(http.get("/decision-definitions/123").status()).isEqualTo(404);
    assertThat(http.get("/decision-requirements/123/xml").status()).isEqualTo(404);
  }

  @Test
  void searchesFilterDefinitionsAndGraphs() {
    http.deployOk(dmn("dinner.dmn"), dmn("discount.dmn"));
    String changed = new String(EngineHttp.readResource(dmn("discount.dmn")), StandardCharsets.UTF_8).replace("<text>15</text>", "<text>20</text>");
    http.deployFiles(Map.of("discount.dmn", changed.getBytes(StandardCharsets.UTF_8)));

    assertThat(http.search("decision-definitions", Map.of("filter", Map.of("decisionRequirementsId", "dinner"))))
        .extracting(d -> d.path("decisionDefinitionId").asText())
        .containsExactlyInAnyOrder("dish", "season");
    assertThat(http.search("decision-definitions", Map.of("filter", Map.of("decisionDefinitionId", "discount", "isLatestVersion", true))))
        .extracting(d -> d.path("version").asInt())
        .containsExactly(2);
    assertThat(
            http.search(
                "decision-definitions",
                Map.of("filter", Map.of("decisionDefinitionId", "discount"), "sort", List.of(Map.of("field", "version", "order", "DESC")))))
        .extracting(d -> d.path("version").asInt())
        .containsExactly(2, 1);
    assertThat(http.search("decision-requirements", Map.of("filter", Map.of("decisionRequirementsId", "discount-rules"))))
        .extracting(d -> d.path("version").asInt())
        .containsExactlyInAnyOrder(1, 2);
    EngineHttp.Response unknown = http.post("/decision-definitions/search", Map.of("filter", Map.of("colour", "red")));
    assertThat(unknown.status()).isEqualTo(400);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
