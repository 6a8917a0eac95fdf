package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/**
 * An engine that keeps nothing never hands out a key that an earlier engine on the same address
 * handed out: a worker's acknowledgement retried across a restart must find nothing, not another
 * instance's job.
 */
class KeysAcrossRestartsTest {

  @Test
  void aJobKeyFromTheEnginesPreviousLifeCompletesNothingOnTheRestartedEngine() throws IOException {
    EngineConfig samePort = EngineConfig.builder().port(freePort()).build();
    String staleJobKey;
    long highestKeyOfFirstLife;
    try (Engine first = Engine.start(samePort)) {
      EngineHttp http = new EngineHttp(first.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      http.createInstance("single-service-task");
      JsonNode job = http.activateOne("work");
      staleJobKey = job.get("jobKey").asText();
      highestKeyOfFirstLife = Long.parseLong(staleJobKey);
    }

    try (Engine second = Engine.start(samePort)) {
      EngineHttp http = new EngineHttp(second.restAddress());
      List<Long> newKeys = new ArrayList<>();
      newKeys.add(Long.parseLong(http.deployOk("bpmn/single-service-task.bpmn").get("deploymentKey").asText()));
      for (int i = 0; i < 3; i++) {
        newKeys.add(Long.parseLong(http.createInstance("single-service-task")));
      }
      http.awaitJobCount("work", 3);
      http.activateJobs("work", 3).forEach(job -> newKeys.add(Long.parseLong(job.get("jobKey").asText())));

      EngineHttp.Response lateCompletion = http.post("/jobs/" + staleJobKey + "/completion", Map.of("variables", Map.of("late", true)));

      assertThat(lateCompletion.status()).isEqualTo(404);
      assertThat(newKeys).allSatisfy(key -> assertThat(key).isGreaterThan(highestKeyOfFirstLife));
      assertThat(http.search("jobs", Map.of("filter", Map.of("state", "COMPLETED")))).isEmpty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
