package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A buffered message waits for the instance its key started to end, then starts the next one. */
class MessageStartBufferTest extends EngineScenario {

  @Test
  void aBufferedMessageStartsTheNextInstanceOnceTheActiveOneForItsKeyEnds() {
    http.deployOk(bpmn("message-start-event.bpmn"));
    publish("first");
    JsonNode first = http.activateOne("process-placed-order");
    assertThat(first.path("variables").path("n").asText()).isEqualTo("first");

    publish("second");
    assertThat(http.activateNow("process-placed-order")).as("no second instance while the first is active").isEmpty();

    http.completeJob(first.path("jobKey").asText(), Map.of());

    JsonNode second = http.activateOne("process-placed-order");
    assertThat(second.path("variables").path("n").asText()).isEqualTo("second");
    assertThat(second.path("processInstanceKey").asText()).isNotEqualTo(first.path("processInstanceKey").asText());
  }

  @Test
  void aMessageWithoutTimeToLiveIsNotKeptForLater() {
    http.deployOk(bpmn("message-start-event.bpmn"));
    publish("first");
    JsonNode first = http.activateOne("process-placed-order");
    http.post("/messages/publication", Map.of("name", "order-placed", "correlationKey", "k-1", "variables", Map.of("n", "lost")));

    http.completeJob(first.path("jobKey").asText(), Map.of());

    assertThat(http.activateNow("process-placed-order")).isEmpty();
  }

  private void publish(String n) {
    EngineHttp.Response published =
        http.post(
            "/messages/publication",
            Map.of("name", "order-placed", "correlationKey", "k-1", "timeToLive", 600_000, "variables", Map.of("n", n)));
    assertThat(published.status()).isEqualTo(200);
  }
}
