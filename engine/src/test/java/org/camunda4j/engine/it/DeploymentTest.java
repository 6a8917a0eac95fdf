package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /v2/deployments: multipart upload, versions, idempotence, atomicity, rejection of what is not executed. */
class DeploymentTest extends EngineScenario {

  @Test
  void deployingOneFileAnswersWithTheProcessDefinitionInThe89Shape() {
    EngineHttp.Response response = http.deploy(bpmn("start-end.bpmn"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode body = response.json();
    Keys.assertKey(body.path("deploymentKey"));
    assertThat(body.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(body.path("deployments")).hasSize(1);

    JsonNode deployment = body.path("deployments").get(0);
    JsonNode process = deployment.path("processDefinition");
    assertThat(process.path("processDefinitionId").asText()).isEqualTo("start-end");
    assertThat(process.path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(process.path("resourceName").asText()).isEqualTo("start-end.bpmn");
    assertThat(process.path("tenantId").asText()).isEqualTo("<default>");
    Keys.assertKey(process.path("processDefinitionKey"));
    // 8.9 sends the members that do not apply as explicit null rather than leaving them out.
    for (String unused : new String[] {"decisionDefinition", "decisionRequirements", "form", "resource"}) {
      assertThat(deployment.has(unused)).as("member %s present", unused).isTrue();
      assertThat(deployment.get(unused).isNull()).as("member %s is null", unused).isTrue();
    }
  }

  @Test
  void severalResourcesInOneCallAreDeployedTogether() {
    JsonNode body = http.deployOk(bpmn("start-end.bpmn"), bpmn("single-service-task.bpmn"));

    assertThat(body.path("deployments"))
        .extracting(d -> d.path("processDefinition").path("processDefinitionId").asText())
        .containsExactlyInAnyOrder("start-end", "single-service-task");
    assertThat(http.createInstance("start-end")).isNotBlank();
    assertThat(http.createInstance("single-service-task")).isNotBlank();
  }

  @Test
  void aChangedFileWithTheSameProcessIdBecomesTheNextVersionAndTheLatestForNewInstances() {
    JsonNode first = http.deployOk(bpmn("start-end.bpmn")).path("deployments").get(0).path("processDefinition");
    JsonNode second = http.deployOk(bpmn("start-end-renamed.bpmn")).path("deployments").get(0).path("processDefinition");

    assertThat(second.path("processDefinitionId").asText()).isEqualTo("start-end");
    assertThat(second.path("processDefinitionVersion").asInt()).isEqualTo(2);
    assertThat(second.path("processDefinitionKey").asText()).isNotEqualTo(first.path("processDefinitionKey").asText());

    EngineHttp.Response created = http.post("/process-instances", Map.of("processDefinitionId", "start-end"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().path("processDefinitionVersion").asInt()).isEqualTo(2);
    assertThat(created.json().path("processDefinitionKey").asText()).isEqualTo(second.path("processDefinitionKey").asText());
  }

  @Test
  void redeployingAnIdenticalFileReturnsTheExistingVersionAndKey() {
    JsonNode first = http.deployOk(bpmn("start-end.bpmn")).path("deployments").get(0).path("processDefinition");
    JsonNode again = http.deployOk(bpmn("start-end.bpmn")).path("deployments").get(0).path("processDefinition");

    assertThat(again.path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(again.path("processDefinitionKey").asText()).isEqualTo(first.path("processDefinitionKey").asText());
  }

  @Test
  void oneBadFileRejectsTheWholeDeploymentAndDeploysNothing() {
    EngineHttp.Response response =
        http.deploy(bpmn("single-service-task.bpmn"), bpmn("malformed/truncated-definitions.bpmn"));

    String detail = assertProblem(response, 400, "INVALID_ARGUMENT");
    assertThat(detail).as("the detail names the broken file").contains("truncated-definitions.bpmn");

    EngineHttp.Response create =
        http.post("/process-instances", Map.of("processDefinitionId", "single-service-task"));
    assertThat(create.status()).as("the good file of the failed deployment was not deployed: %s", create).isIn(400, 404);
    assertThat(create.mediaType()).isEqualTo("application/problem+json");
  }

  @Test
  void twoFilesWithTheSameProcessIdInOneDeploymentAreRejected() {
    String detail =
        assertProblem(http.deploy(bpmn("start-end.bpmn"), bpmn("start-end-renamed.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("start-end");
    assertThat(http.post("/process-instances", Map.of("processDefinitionId", "start-end")).status()).isIn(400, 404);
  }

  @Test
  void poolsAnnotationsGroupsDocumentationAndPropertiesDoNotStopADeploymentAndTheVersionTagIsKept() {
    http.deployOk(bpmn("modeler-artifacts.bpmn"));

    String instance = http.createInstance("modeler-artifacts");

    assertThat(http.activateOne("fulfil").path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(http.getInstance(instance).path("processDefinitionVersionTag").asText()).isEqualTo("release-2026.11");
  }

  @Test
  void aComplexGatewayIsRejectedNamingItsIdAndType() {
    String detail = assertProblem(http.deploy(bpmn("unsupported-complex-gateway.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Gateway_Complex");
    assertThat(normalised(detail)).contains("complexgateway");
  }

  @Test
  void aServiceTaskWithoutTaskDefinitionIsRejectedNamingIt() {
    String detail =
        assertProblem(http.deploy(bpmn("invalid/service-task-without-task-definition.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Task_NoType");
  }

  @Test
  void aConditionThatIsNotValidFeelIsRejectedAtDeployNamingTheFlow() {
    String detail =
        assertProblem(http.deploy(bpmn("invalid/condition-with-feel-syntax-error.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Flow_Broken");
  }

  @Test
  void anUnsupportedFileTypeIsRejected() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("notes.txt", "not a process".getBytes(StandardCharsets.UTF_8));

    String detail = assertProblem(http.deployFiles(files), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("notes.txt");
  }

  @Test
  void aDeploymentWithoutResourcesIsRejected() {
    String detail = assertProblem(http.deployFiles(Map.of()), 400, "INVALID_ARGUMENT");
    assertThat(detail.toLowerCase()).contains("resource");
  }

  /** "MANUAL_TASK", "manualTask" and "manual task" all name the same type. */
  private static String normalised(String text) {
    return text.toLowerCase().replace("_", "").replace(" ", "").replace("-", "");
  }
}
