package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /v2/clock and POST /v2/clock/reset (issue 4 §3): the REST face of the engine clock. */
class ClockApiTest extends EngineScenario {

  @Test
  void pinningOverRestStopsTheEngineClockThere() {
    Instant pinned = Instant.parse("2031-06-01T08:00:00Z");

    EngineHttp.Response response = http.put("/clock", Map.of("timestamp", pinned.toEpochMilli()));

    assertThat(response.status()).isEqualTo(204);
    assertThat(engine.clock().isPinned()).isTrue();
    assertThat(engine.clock().now()).isEqualTo(pinned);
  }

  @Test
  void jobDeadlinesFollowTheClockPinnedOverRest() {
    Instant pinned = Instant.parse("2031-06-01T08:00:00Z");
    http.put("/clock", Map.of("timestamp", pinned.toEpochMilli()));
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");

    EngineHttp.Response response =
        http.post(
            "/jobs/activation",
            Map.of("type", "work", "timeout", 1_000, "maxJobsToActivate", 1, "requestTimeout", 10_000));

    assertThat(response.json().path("jobs").get(0).path("deadline").asLong()).isEqualTo(pinned.toEpochMilli() + 1_000);
  }

  @Test
  void datesInResponsesFollowTheEngineClockAndDateFiltersUseThem() {
    engine.clock().pin(Instant.parse("2031-06-01T08:00:00Z"));
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");
    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(OffsetDateTime.parse(http.getInstance(instance).path("startDate").asText()).toInstant())
        .isEqualTo(Instant.parse("2031-06-01T08:00:00Z"));
    assertThat(OffsetDateTime.parse(incident.path("creationTime").asText()).toInstant())
        .isEqualTo(Instant.parse("2031-06-01T08:00:00Z"));
    assertThat(http.search("incidents", Map.of("filter", Map.of("creationTime", Map.of("$gte", "2031-06-01T07:59:00Z")))))
        .hasSize(1);
    assertThat(http.search("incidents", Map.of("filter", Map.of("creationTime", Map.of("$lt", "2031-06-01T07:59:00Z")))))
        .isEmpty();
    assertThat(http.search("process-instances", Map.of("filter", Map.of("startDate", Map.of("$gt", "2031-06-01T08:00:01Z")))))
        .isEmpty();
  }

  @Test
  void resetReleasesTheClockBackToSystemTime() {
    http.put("/clock", Map.of("timestamp", Instant.parse("2031-06-01T08:00:00Z").toEpochMilli()));

    EngineHttp.Response response = http.post("/clock/reset", Map.of());

    assertThat(response.status()).isEqualTo(204);
    assertThat(engine.clock().isPinned()).isFalse();
  }

  @Test
  void pinningWithoutATimestampIsRejected() {
    String detail = assertProblem(http.put("/clock", Map.of()), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("timestamp");
  }
}
