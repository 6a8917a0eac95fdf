package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v2/process-definitions/{key}, its /xml, and POST /v2/process-definitions/search. */
class ProcessDefinitionApiTest extends EngineScenario {

  @Test
  void aDefinitionIsReadByKeyWithEvery89Field() {
    String key = ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn("start-end.bpmn")), "start-end");

    EngineHttp.Response response = http.get("/process-definitions/" + key);

    assertThat(response.status()).isEqualTo(200);
    JsonNode definition = response.json();
    assertThat(ProcessInstanceApiTest.fieldNames(definition))
        .containsExactlyInAnyOrder("name", "resourceName", "version", "versionTag", "processDefinitionId", "tenantId", "processDefinitionKey", "hasStartForm");
    assertThat(definition.path("processDefinitionKey").asText()).isEqualTo(key);
    assertThat(definition.path("processDefinitionId").asText()).isEqualTo("start-end");
    assertThat(definition.path("name").asText()).isEqualTo("Start and end");
    assertThat(definition.path("resourceName").asText()).isEqualTo("start-end.bpmn");
    assertThat(definition.path("version").asInt()).isEqualTo(1);
    assertThat(definition.path("tenantId").asText()).isEqualTo("<default>");
  }

  @Test
  void theXmlIsTheDeployedResourceByteForByte() {
    String key = ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn("start-end.bpmn")), "start-end");

    EngineHttp.Response response = http.get("/process-definitions/" + key + "/xml");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("text/xml");
    assertThat(response.body()).isEqualTo(new String(EngineHttp.readResource(bpmn("start-end.bpmn")), StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownKeyIsNotFoundForTheDefinitionAndItsXml() {
    assertThat(assertProblem(http.get("/process-definitions/42"), 404, "NOT_FOUND")).contains("42");
    assertThat(assertProblem(http.get("/process-definitions/42/xml"), 404, "NOT_FOUND")).contains("42");
    assertThat(assertProblem(http.get("/process-definitions/latest"), 400, "INVALID_ARGUMENT")).contains("processDefinitionKey");
  }

  @Test
  void searchFiltersByIdVersionAndLatestVersion() {
    http.deployOk(bpmn("start-end.bpmn"), bpmn("single-service-task.bpmn"));
    http.deployOk(bpmn("start-end-renamed.bpmn"));

    assertThat(versions(Map.of("processDefinitionId", "start-end"))).containsExactly(1, 2);
    assertThat(versions(Map.of("processDefinitionId", "start-end", "isLatestVersion", true))).containsExactly(2);
    assertThat(ids(Map.of("version", 1))).containsExactlyInAnyOrder("start-end", "single-service-task");
    assertThat(ids(Map.of("name", "Start and end, second version"))).containsExactly("start-end");
    EngineHttp.Response all = http.post("/process-definitions/search", Map.of());
    assertThat(all.json().path("page").path("totalItems").asInt()).isEqualTo(3);
  }

  @Test
  void anUnknownFilterFieldIsRejectedNamingTheFieldsThatExist() {
    String detail = assertProblem(http.post("/process-definitions/search", Map.of("filter", Map.of("bpmnProcessId", "x"))), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("bpmnProcessId").contains("processDefinitionId");
  }

  private List<Integer> versions(Map<String, Object> filter) {
    return http.search("process-definitions", Map.of("filter", filter, "sort", List.of(Map.of("field", "version"))))
        .stream().map(d -> d.path("version").asInt()).toList();
  }

  private List<String> ids(Map<String, Object> filter) {
    return http.search("process-definitions", Map.of("filter", filter)).stream().map(d -> d.path("processDefinitionId").asText()).toList();
  }
}
