package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signals (issue 4 §4): POST /v2/signals/broadcast with start, intermediate and boundary events. */
class SignalEventsTest extends EngineScenario {

  @Test
  void aBroadcastStartsAnInstanceAtASignalStartEventWithItsVariables() {
    http.deployOk(bpmn("signal-start-event.bpmn"));

    EngineHttp.Response response =
        http.post("/signals/broadcast", Map.of("signalName", "system-alert", "variables", Map.of("severity", "high")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    Keys.assertKey(response.json().path("signalKey"));
    assertThat(response.json().path("tenantId").asText()).isEqualTo("<default>");
    assertThat(http.activateOne("handle-alert").path("variables").path("severity").asText()).isEqualTo("high");
  }

  @Test
  void aBroadcastMovesOnAnInstanceWaitingAtASignalCatchEvent() {
    http.deployOk(bpmn("signal-intermediate-catch.bpmn"));
    String instance = http.createInstance("signal-intermediate-catch");

    // Signals are not buffered: broadcast until the instance's subscription has taken one.
    List<JsonNode> jobs =
        Eventually.get(
            "the signal to reach the waiting instance",
            () -> {
              http.post("/signals/broadcast", Map.of("signalName", "go", "variables", Map.of("startedBy", "ops")));
              return http.activateNow("after-go");
            },
            found -> !found.isEmpty());

    assertThat(jobs).extracting(j -> j.path("processInstanceKey").asText()).containsExactly(instance);
    assertThat(jobs.getFirst().path("variables").path("startedBy").asText()).as("signal variables reach the instance").isEqualTo("ops");
  }

  @Test
  void aSignalBoundaryEventInterruptsTheTask() {
    http.deployOk(bpmn("signal-boundary.bpmn"));
    http.createInstance("signal-boundary");
    JsonNode work = http.activateOne("waiting-work");

    http.post("/signals/broadcast", Map.of("signalName", "abort-all"));

    http.activateOne("after-abort");
    assertProblem(http.post("/jobs/" + work.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void aBroadcastWithoutSignalNameIsRejected() {
    String detail = assertProblem(http.post("/signals/broadcast", Map.of("variables", Map.of())), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("signalName");
  }
}
