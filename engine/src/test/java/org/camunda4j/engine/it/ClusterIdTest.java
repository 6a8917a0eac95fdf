package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology's {@code clusterId} says which state the engine answers from, so that a worker can
 * tell a restarted engine that forgot its jobs from one that kept them. A job command that names
 * another cluster in {@code Camunda4j-Cluster-Id} is refused with 412: the job was not handed out
 * here, whatever its key says.
 */
class ClusterIdTest {

  private static final String HEADER = "Camunda4j-Cluster-Id";

  @TempDir Path dataDirectory;

  @Test
  void anEngineInMemoryIsANewClusterEachTimeItStarts() {
    String first = clusterIdOf(EngineConfig.defaults());
    String second = clusterIdOf(EngineConfig.defaults());

    assertThat(first).isNotBlank();
    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void anEngineOnADataDirectoryKeepsItsClusterIdAcrossRestarts() {
    EngineConfig durable = EngineConfig.builder().dataDirectory(dataDirectory).build();

    String first = clusterIdOf(durable);
    String second = clusterIdOf(durable);

    assertThat(first).isNotBlank().isEqualTo(second);
    assertThat(clusterIdOf(EngineConfig.builder().dataDirectory(dataDirectory.resolve("other")).build()))
        .isNotEqualTo(first);
  }

  @Test
  void everyJobCommandNamingAnotherClusterIs412AndLeavesTheJobAsItWas() {
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      EngineHttp http = new EngineHttp(engine.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      String instance = http.createInstance("single-service-task");
      String jobKey = http.activateOne("work").path("jobKey").asText();
      Map<String, String> otherCluster = Map.of(HEADER, "a-cluster-that-is-gone");

      for (EngineHttp.Response refused : new EngineHttp.Response[] {
          http.send("POST", "/jobs/" + jobKey + "/completion", Map.of(), otherCluster),
          http.send("POST", "/jobs/" + jobKey + "/failure", Map.of("retries", 0), otherCluster),
          http.send("POST", "/jobs/" + jobKey + "/error", Map.of("errorCode", "E"), otherCluster),
          http.send("PATCH", "/jobs/" + jobKey, Map.of("changeset", Map.of("retries", 5)), otherCluster)}) {
        String detail = assertProblem(refused, 412, "FAILED_PRECONDITION");
        assertThat(detail).contains(jobKey, "a-cluster-that-is-gone", HEADER);
      }

      JsonNode job = http.search("jobs", Map.of("filter", Map.of("jobKey", jobKey))).getFirst();
      assertThat(job.path("state").asText()).isEqualTo("CREATED");
      assertThat(job.path("retries").asInt()).isEqualTo(3);
      assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aJobCommandNamingThisClusterOrNoneIsApplied() {
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      EngineHttp http = new EngineHttp(engine.restAddress());
      String clusterId = http.get("/topology").json().path("clusterId").asText();
      http.deployOk("bpmn/single-service-task.bpmn");
      String named = http.createInstance("single-service-task");
      String first = http.activateOne("work").path("jobKey").asText();

      EngineHttp.Response response = http.send("POST", "/jobs/" + first + "/completion", Map.of(), Map.of(HEADER, clusterId));

      assertThat(response.status()).as("%s", response).isEqualTo(204);
      http.awaitInstanceState(named, "COMPLETED");
      String unnamed = http.createInstance("single-service-task"); // as the official clients send it
      http.completeJob(http.activateOne("work").path("jobKey").asText(), Map.of());
      http.awaitInstanceState(unnamed, "COMPLETED");
    }
  }

  @Test
  void everyActivationAnswerNamesTheClusterThatHandedOutItsJobs() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.defaults())) {
      EngineHttp http = new EngineHttp(engine.restAddress());
      String clusterId = http.get("/topology").json().path("clusterId").asText();
      http.deployOk("bpmn/single-service-task.bpmn");
      http.createInstance("single-service-task");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      HttpResponse<String> withJob = activate(client, http, "work", 10_000);
      HttpResponse<String> empty = activate(client, http, "no-such-type", -1);

      assertThat(withJob.statusCode()).isEqualTo(200);
      assertThat(withJob.body()).contains("jobKey");
      assertThat(withJob.headers().firstValue(HEADER)).contains(clusterId);
      assertThat(empty.statusCode()).isEqualTo(200);
      assertThat(empty.headers().firstValue(HEADER)).contains(clusterId);
    }
  }

  private static HttpResponse<String> activate(HttpClient client, EngineHttp http, String type, long requestTimeout)
      throws Exception {
    String body = "{\"type\":\"" + type + "\",\"maxJobsToActivate\":1,\"timeout\":60000,\"requestTimeout\":"
        + requestTimeout + "}";
    return client.send(
        HttpRequest.newBuilder(URI.create(http.v2() + "/jobs/activation"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String clusterIdOf(EngineConfig config) {
    try (Engine engine = Engine.start(config)) {
      return new EngineHttp(engine.restAddress()).get("/topology").json().path("clusterId").asText();
    }
  }
}
