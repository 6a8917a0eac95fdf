package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FEEL failures become incidents; resolving one re-runs the failed step with the current variables. */
class ExpressionIncidentTest extends EngineScenario {

  @Test
  void aFailingInputMappingRaisesAnIoMappingErrorIncidentOnTheTask() {
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");

    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(incident.path("errorType").asText()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_NeedsOrder");
    assertThat(incident.path("errorMessage").asText()).contains("orderId");
    assertThat(http.activateNow("needs-order")).as("no job while the mapping fails").isEmpty();
  }

  @Test
  void fixingTheVariablesAndResolvingReRunsTheMappingAndCreatesTheJob() {
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");
    JsonNode incident = http.awaitActiveIncident(instance);

    setVariables(instance, Map.of("orderId", "o-7"));
    resolve(incident);

    JsonNode job = http.activateOne("needs-order");
    assertThat(job.path("variables").path("requiredOrderId").asText()).isEqualTo("o-7");
  }

  @Test
  void resolvingWithoutFixingRunsTheStepAgainAndRaisesAFreshIncident() {
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");
    JsonNode first = http.awaitActiveIncident(instance);

    resolve(first);

    JsonNode second =
        Eventually.get(
            "a new incident after the failed re-run",
            () -> http.awaitActiveIncident(instance),
            i -> !i.path("incidentKey").asText().equals(first.path("incidentKey").asText()));
    assertThat(second.path("errorType").asText()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(http.get("/incidents/" + first.path("incidentKey").asText()).json().path("state").asText())
        .isEqualTo("RESOLVED");
  }

  @Test
  void aFailingOutputMappingRaisesAnIncidentWhoseResolutionAppliesTheMappingAgain() {
    http.deployOk(bpmn("output-mapping-error.bpmn"));
    String instance = http.createInstance("output-mapping-error");
    JsonNode job = http.activateOne("calculate");

    http.completeJob(job.path("jobKey").asText(), Map.of("note", "forgot the total"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Calculate");
    assertThat(http.activateNow("invoice")).isEmpty();

    setVariables(job.path("elementInstanceKey").asText(), Map.of("total", 42));
    resolve(incident);

    JsonNode invoice = http.activateOne("invoice");
    assertThat(invoice.path("variables").path("checkedTotal").asInt()).isEqualTo(42);
  }

  @Test
  void aJobTypeExpressionWithoutAValueRaisesAnExtractValueErrorIncident() {
    http.deployOk(bpmn("extract-value-error.bpmn"));
    String instance = http.createInstance("extract-value-error");

    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(incident.path("errorType").asText()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Dynamic");
    assertThat(incident.path("errorMessage").asText()).contains("taskType");
  }

  @Test
  void resolvingTheExtractValueErrorAfterSettingTheVariableCreatesTheJob() {
    http.deployOk(bpmn("extract-value-error.bpmn"));
    String instance = http.createInstance("extract-value-error");
    JsonNode incident = http.awaitActiveIncident(instance);

    setVariables(instance, Map.of("taskType", "dynamic"));
    resolve(incident);

    assertThat(http.activateOne("dynamic").path("elementId").asText()).isEqualTo("Task_Dynamic");
  }

  private void setVariables(String scopeKey, Map<String, ?> variables) {
    EngineHttp.Response response =
        http.put("/element-instances/" + scopeKey + "/variables", Map.of("variables", variables));
    assertThat(response.status()).as("set variables: %s", response).isEqualTo(204);
  }

  private void resolve(JsonNode incident) {
    EngineHttp.Response response =
        http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());
    assertThat(response.status()).as("resolve incident: %s", response).isEqualTo(204);
  }
}
