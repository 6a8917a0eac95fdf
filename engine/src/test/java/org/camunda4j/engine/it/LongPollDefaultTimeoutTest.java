package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code requestTimeout} 0 or absent means the engine's configured long-poll timeout (the
 * gateway's 10 s by default). With a one-second default, an empty poll answers well within the
 * bound below; with the wrong rule it would wait for ever or answer at once with the wrong body.
 */
class LongPollDefaultTimeoutTest extends EngineScenario {

  @Override
  protected EngineConfig engineConfig() {
    return EngineConfig.builder().longPollTimeout(Duration.ofSeconds(1)).build();
  }

  @Test
  void anAbsentRequestTimeoutUsesTheConfiguredDefault() throws Exception {
    EngineHttp.Response response =
        CompletableFuture.supplyAsync(
                () -> http.post("/jobs/activation", Map.of("type", "idle", "timeout", 1_000, "maxJobsToActivate", 1)))
            .get(20, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("jobs")).isEmpty();
  }

  @Test
  void aZeroRequestTimeoutUsesTheConfiguredDefault() throws Exception {
    EngineHttp.Response response =
        CompletableFuture.supplyAsync(() -> http.activate("idle", 1, 0)).get(20, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("jobs")).isEmpty();
  }

  @Test
  void aZeroRequestTimeoutStillWaitsForAJobWithinTheDefault() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    // Parked polls answer empty every second here, so keep asking until the job is handed out:
    // what matters is that each answer is a proper 200 and the job arrives.
    http.createInstance("single-service-task");

    var jobs =
        Eventually.get(
            "the job through default-timeout polls",
            () -> http.activate("work", 1, 0),
            r -> r.status() == 200 && r.json().path("jobs").size() == 1);

    assertThat(jobs.json().path("jobs").get(0).path("type").asText()).isEqualTo("work");
  }
}
