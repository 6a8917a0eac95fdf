package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form on a process's start event ({@code zeebe:formDefinition}) and {@code GET /v2/process-definitions/{key}/form}. */
class StartEventFormTest extends EngineScenario {

  private static String definitionKey(JsonNode deployment, String processId) {
    for (JsonNode entry : deployment.path("deployments")) {
      JsonNode process = entry.path("processDefinition");
      if (processId.equals(process.path("processDefinitionId").asText())) {
        return process.path("processDefinitionKey").asText();
      }
    }
    throw new AssertionError("no process " + processId + " in " + deployment);
  }

  @Test
  void theStartFormDeployedWithTheProcessIsAnswered() {
    JsonNode deployment = http.deployOk(bpmn("start-event-form.bpmn"), bpmn("review-form.form"));

    EngineHttp.Response form = http.get("/process-definitions/" + definitionKey(deployment, "start-event-form") + "/form");

    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().path("formId").asText()).isEqualTo("review-form");
    assertThat(form.json().path("version").asInt()).isEqualTo(1);
    assertThat(form.json().path("tenantId").asText()).isEqualTo("<default>");
    assertThat(form.json().path("formKey").asText()).matches("\\d+");
    assertThat(form.json().path("schema").asText()).contains("\"id\": \"review-form\"");
    assertThat(http.createInstance("start-event-form")).as("the form does not change how an instance starts").isNotBlank();
  }

  @Test
  void aProcessWithoutStartFormOrWhoseFormIsMissingAnswers204AndAnUnknownDefinition404() {
    JsonNode withoutForm = http.deployOk(bpmn("single-service-task.bpmn"));
    JsonNode formMissing = http.deployOk(bpmn("start-event-form.bpmn"));

    assertThat(http.get("/process-definitions/" + definitionKey(withoutForm, "single-service-task") + "/form").status()).isEqualTo(204);
    assertThat(http.get("/process-definitions/" + definitionKey(formMissing, "start-event-form") + "/form").status())
        .as("bound to the form of its own deployment, which had none")
        .isEqualTo(204);
    assertProblem(http.get("/process-definitions/2251799813685999/form"), 404, "NOT_FOUND");
  }
}
