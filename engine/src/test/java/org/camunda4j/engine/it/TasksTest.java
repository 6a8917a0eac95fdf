package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Undefined and manual tasks pass the token on; a script task with zeebe:script is evaluated by the engine. */
class TasksTest extends EngineScenario {

  @Test
  void anUndefinedTaskAndAManualTaskLetTheTokenPass() {
    http.deployOk(bpmn("undefined-and-manual-task.bpmn"));
    String instance = http.createInstance("undefined-and-manual-task");

    http.completeNext("ship", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aScriptTaskStoresItsExpressionResultInTheResultVariableOfTheProcess() {
    http.deployOk(bpmn("script-task-feel.bpmn"));
    String instance = http.createInstance("script-task-feel", Map.of("prices", List.of(10, 20, 12), "discount", 2));

    JsonNode charge = http.activateOne("charge");

    assertThat(charge.path("variables").path("total").asInt()).isEqualTo(42);
    assertThat(charge.path("variables").path("toPay").asInt()).isEqualTo(40);
    assertThat(charge.path("variables").path("shout").asText())
        .as("the output mapping of the third script task")
        .isEqualTo("PAY 40");
    assertThat(charge.path("variables").has("label")).as("with an output mapping the result stays local").isFalse();
    assertThat(http.variablesOfScope(instance)).containsKeys("total", "toPay", "shout");
    http.completeJob(charge.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aFailingScriptRaisesAnIncidentAndResolvingItEvaluatesTheScriptAgain() {
    http.deployOk(bpmn("script-task-feel.bpmn"));
    String instance = http.createInstance("script-task-feel", Map.of("prices", List.of(5, 5)));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Activity_Discount");
    assertThat(incident.path("errorMessage").asText()).contains("discount is required");

    assertThat(http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("discount", 1))).status())
        .isEqualTo(204);
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    assertThat(http.activateOne("charge").path("variables").path("toPay").asInt()).isEqualTo(9);
  }
}
