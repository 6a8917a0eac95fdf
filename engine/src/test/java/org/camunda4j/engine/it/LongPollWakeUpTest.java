package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/**
 * A parked activation is answered the moment a job of its type becomes activatable, by whatever
 * path (issue 2 §4): creation, a failure with retries, the end of a backoff, a timeout, and the
 * resolution of an incident. Each test parks a 60 s poll, triggers the path, and expects the job
 * within 20 s: an answer that early came from the wake-up, not from the timeout.
 */
class LongPollWakeUpTest extends EngineScenario {

  private static final Duration WAKE_UP_BOUND = Duration.ofSeconds(20);

  @Override
  protected EngineConfig engineConfig() {
    return EngineConfig.builder().longPollTimeout(Duration.ofMinutes(2)).build();
  }

  @Test
  void wokenByTheCreationOfAJob() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    CompletableFuture<EngineHttp.Response> parked = park();

    String instance = http.createInstance("single-service-task");

    assertThat(instanceOf(answer(parked))).isEqualTo(instance);
  }

  @Test
  void wokenByAFailureWithRetriesLeft() throws Exception {
    JsonNode job = oneActivatedJob();
    CompletableFuture<EngineHttp.Response> parked = park();

    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 2));

    JsonNode again = answer(parked);
    assertThat(key(again)).isEqualTo(key(job));
    assertThat(again.path("retries").asInt()).isEqualTo(2);
  }

  @Test
  void wokenWhenABackoffEnds() throws Exception {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    JsonNode job = oneActivatedJob();
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 2, "retryBackOff", 30_000));
    CompletableFuture<EngineHttp.Response> parked = park();

    engine.clock().advance(Duration.ofSeconds(31));

    assertThat(key(answer(parked))).isEqualTo(key(job));
  }

  @Test
  void wokenWhenAnActivatedJobTimesOut() throws Exception {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");
    JsonNode job =
        http.post(
                "/jobs/activation",
                Map.of("type", "work", "timeout", 5_000, "maxJobsToActivate", 1, "requestTimeout", 10_000))
            .json()
            .path("jobs")
            .get(0);
    CompletableFuture<EngineHttp.Response> parked = park();

    engine.clock().advance(Duration.ofSeconds(6));

    assertThat(key(answer(parked))).isEqualTo(key(job));
  }

  @Test
  void wokenWhenAJobIncidentIsResolvedAfterARetriesUpdate() throws Exception {
    JsonNode job = oneActivatedJob();
    http.post("/jobs/" + key(job) + "/failure", Map.of("retries", 0));
    JsonNode incident = http.awaitActiveIncident(job.path("processInstanceKey").asText());
    CompletableFuture<EngineHttp.Response> parked = park();

    http.patch("/jobs/" + key(job), Map.of("changeset", Map.of("retries", 1)));
    http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());

    assertThat(key(answer(parked))).isEqualTo(key(job));
  }

  @Test
  void wokenWhenAnUnhandledErrorIncidentIsResolved() throws Exception {
    JsonNode job = oneActivatedJob();
    http.post("/jobs/" + key(job) + "/error", Map.of("errorCode", "NOT_MODELLED"));
    JsonNode incident = http.awaitActiveIncident(job.path("processInstanceKey").asText());
    CompletableFuture<EngineHttp.Response> parked = park();

    http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());

    assertThat(key(answer(parked))).isEqualTo(key(job));
  }

  @Test
  void wokenWhenAJobCreatedAfterAnIoMappingIncidentIsResolved() throws Exception {
    http.deployOk(bpmn("io-mapping-error.bpmn"));
    String instance = http.createInstance("io-mapping-error");
    JsonNode incident = http.awaitActiveIncident(instance);
    CompletableFuture<EngineHttp.Response> parked = park("needs-order");

    http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("orderId", "o-1")));
    http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());

    assertThat(instanceOf(answer(parked))).isEqualTo(instance);
  }

  @Test
  void severalParkedPollsShareTheJobsOneEach() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    CompletableFuture<EngineHttp.Response> first = park();
    CompletableFuture<EngineHttp.Response> second = park();

    String a = http.createInstance("single-service-task");
    String b = http.createInstance("single-service-task");

    assertThat(java.util.List.of(instanceOf(answer(first)), instanceOf(answer(second)))).containsExactlyInAnyOrder(a, b);
  }

  private JsonNode oneActivatedJob() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");
    return http.activateOne("work");
  }

  private CompletableFuture<EngineHttp.Response> park() {
    return park("work");
  }

  private CompletableFuture<EngineHttp.Response> park(String type) {
    return CompletableFuture.supplyAsync(() -> http.activate(type, 1, 60_000));
  }

  private static JsonNode answer(CompletableFuture<EngineHttp.Response> parked) throws Exception {
    EngineHttp.Response response = parked.get(WAKE_UP_BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("jobs")).as("jobs in %s", response).hasSize(1);
    return response.json().path("jobs").get(0);
  }

  private static String key(JsonNode job) {
    return job.path("jobKey").asText();
  }

  private static String instanceOf(JsonNode job) {
    return job.path("processInstanceKey").asText();
  }
}
