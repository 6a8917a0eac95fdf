package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Service tasks (and send, business-rule and script tasks) become jobs: type, retries, headers, mappings. */
class ServiceTaskTest extends EngineScenario {

  @Test
  void aServiceTaskBecomesAJobWithItsStaticTypeTheDefaultRetriesAndItsInstanceData() {
    JsonNode deployment = http.deployOk(bpmn("single-service-task.bpmn"));
    String definitionKey =
        deployment.path("deployments").get(0).path("processDefinition").path("processDefinitionKey").asText();
    String instance = http.createInstance("single-service-task");

    JsonNode job = http.activateOne("work");

    assertThat(job.path("type").asText()).isEqualTo("work");
    assertThat(job.path("retries").asInt()).as("zeebe's default retries").isEqualTo(3);
    assertThat(job.path("elementId").asText()).isEqualTo("Task_Work");
    assertThat(job.path("processDefinitionId").asText()).isEqualTo("single-service-task");
    assertThat(job.path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(job.path("processDefinitionKey").asText()).isEqualTo(definitionKey);
    assertThat(job.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(job.path("kind").asText()).isEqualTo("BPMN_ELEMENT");
    assertThat(job.path("listenerEventType").asText()).isEqualTo("UNSPECIFIED");
    assertThat(job.path("customHeaders").isObject()).isTrue();
    assertThat(job.path("customHeaders").size()).isZero();
    Keys.assertKey(job.path("jobKey"));
    Keys.assertKey(job.path("elementInstanceKey"));
  }

  @Test
  void staticRetriesFromTheModelAreTheJobsRetries() {
    http.deployOk(bpmn("service-task-static-retries.bpmn"));
    http.createInstance("service-task-static-retries");

    assertThat(http.activateOne("fragile").path("retries").asInt()).isEqualTo(5);
  }

  @Test
  void typeAndRetriesGivenAsFeelAreEvaluatedWhenTheTaskIsReached() {
    http.deployOk(bpmn("service-task-feel-type-and-retries.bpmn"));
    http.createInstance("service-task-feel-type-and-retries", Map.of("region", "eu", "retryCount", 7));

    JsonNode job = http.activateOne("work-eu");

    assertThat(job.path("type").asText()).isEqualTo("work-eu");
    assertThat(job.path("retries").asInt()).isEqualTo(7);
  }

  @Test
  void taskHeadersReachTheJobAsCustomHeaders() {
    http.deployOk(bpmn("service-task-headers.bpmn"));
    http.createInstance("service-task-headers");

    JsonNode headers = http.activateOne("with-headers").path("customHeaders");

    assertThat(headers.path("region").asText()).isEqualTo("eu-west");
    assertThat(headers.path("template").asText()).isEqualTo("invoice-v2");
    assertThat(headers.size()).isEqualTo(2);
  }

  @Test
  void inputMappingsCreateTaskLocalsIncludingNestedTargets() {
    http.deployOk(bpmn("service-task-io-mapping.bpmn"));
    http.createInstance(
        "service-task-io-mapping",
        Map.of("order", Map.of("id", "o-42", "lines", List.of(Map.of("sku", "A-1"), Map.of("sku", "B-2")))));

    JsonNode variables = http.activateOne("price").path("variables");

    assertThat(variables.path("orderId").asText()).isEqualTo("o-42");
    assertThat(variables.path("firstLine").path("sku").asText()).isEqualTo("A-1");
    assertThat(variables.path("firstLine").path("lineCount").asInt()).isEqualTo(2);
    assertThat(variables.path("currency").asText()).isEqualTo("EUR");
    assertThat(variables.path("order").path("id").asText()).as("root variables stay visible").isEqualTo("o-42");
  }

  @Test
  void withOutputMappingsOnlyTheMappedResultsLeaveTheTask() {
    http.deployOk(bpmn("service-task-io-mapping.bpmn"));
    String instance =
        http.createInstance(
            "service-task-io-mapping", Map.of("order", Map.of("id", "o-42", "lines", List.of(Map.of("sku", "A-1")))));

    http.completeNext("price", Map.of("total", 21));

    JsonNode variables = http.activateOne("check-price").path("variables");
    assertThat(variables.path("summary").path("doubledTotal").asInt()).isEqualTo(42);
    assertThat(variables.path("summary").path("orderId").asText()).isEqualTo("o-42");
    assertThat(variables.has("total")).as("unmapped job variable").isFalse();
    assertThat(variables.has("orderId")).as("input-mapped local").isFalse();
    assertThat(variables.has("currency")).as("input-mapped local").isFalse();
    assertThat(http.variablesOfScope(instance)).containsOnlyKeys("order", "summary");
  }

  @Test
  void sendBusinessRuleAndScriptTasksWithATaskDefinitionAreJobsToo() {
    http.deployOk(bpmn("send-business-rule-script-tasks.bpmn"));
    String instance = http.createInstance("send-business-rule-script-tasks");

    assertThat(http.completeNext("send-confirmation", Map.of()).path("elementId").asText()).isEqualTo("Task_Send");
    assertThat(http.completeNext("decide-discount", Map.of()).path("elementId").asText()).isEqualTo("Task_Decide");
    assertThat(http.completeNext("run-script", Map.of()).path("elementId").asText()).isEqualTo("Task_Script");

    http.awaitInstanceState(instance, "COMPLETED");
  }
}
