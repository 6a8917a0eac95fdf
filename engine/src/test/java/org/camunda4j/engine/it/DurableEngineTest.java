package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine given a data directory keeps its state there: a restart on the same directory recovers it exactly. */
class DurableEngineTest {

  @TempDir Path dataDirectory;

  private Engine start() {
    return Engine.start(EngineConfig.builder().dataDirectory(dataDirectory).build());
  }

  @Test
  void aRestartRecoversDeploymentsInstancesJobsWithTheirDeadlinesVariablesAndKeys() {
    String activatedJob;
    Map<String, List<JsonNode>> before;
    try (Engine first = start()) {
      EngineHttp http = new EngineHttp(first.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      http.createInstance("single-service-task", Map.of("order", Map.of("id", "o-1", "total", 12.5)));
      http.createInstance("single-service-task", Map.of("order", Map.of("id", "o-2")));
      http.awaitJobCount("work", 2);
      activatedJob = http.activateJobs("work", 1).get(0).get("jobKey").asText();
      before = everything(http);
    }

    try (Engine second = start()) {
      EngineHttp http = new EngineHttp(second.restAddress());

      assertThat(everything(http)).isEqualTo(before);
      http.completeJob(activatedJob, Map.of("done", true));
      JsonNode other = http.activateOne("work");
      assertThat(other.get("jobKey").asText()).isNotEqualTo(activatedJob);
      long newInstance = Long.parseLong(http.createInstance("single-service-task"));
      assertThat(before.get("process-instances"))
          .allSatisfy(instance -> assertThat(Long.parseLong(instance.get("processInstanceKey").asText())).isLessThan(newInstance));
    }
  }

  @Test
  void aJobWhoseDeadlinePassedWhileTheEngineWasDownIsActivatableRightAfterTheRestart() throws InterruptedException {
    String jobKey;
    try (Engine first = start()) {
      EngineHttp http = new EngineHttp(first.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      http.createInstance("single-service-task");
      http.awaitJobCount("work", 1);
      EngineHttp.Response activation =
          http.post("/jobs/activation", Map.of("type", "work", "maxJobsToActivate", 1, "timeout", 300, "requestTimeout", -1));
      jobKey = activation.json().get("jobs").get(0).get("jobKey").asText();
    }
    Thread.sleep(400); // the job's 300 ms lock runs out while no engine runs

    try (Engine second = start()) {
      assertThat(new EngineHttp(second.restAddress()).activateOne("work").get("jobKey").asText()).isEqualTo(jobKey);
    }
  }

  @Test
  void aSecondEngineOnTheSameDirectoryIsRefusedWithAClearMessage() {
    try (Engine first = start()) {
      assertThatThrownBy(this::start)
          .hasMessageContaining("another engine is using the data directory " + dataDirectory)
          .hasMessageContaining("--data-dir");
      assertThat(new EngineHttp(first.restAddress()).get("/topology").status()).isEqualTo(200);
    }
  }

  @Test
  void aDataDirectoryThatIsAFileIsRefusedWithAClearMessage() throws java.io.IOException {
    Path file = java.nio.file.Files.createFile(dataDirectory.resolve("not-a-directory"));

    assertThatThrownBy(() -> Engine.start(EngineConfig.builder().dataDirectory(file).build()))
        .hasMessageContaining("the data directory " + file + " cannot be created");
  }

  private static Map<String, List<JsonNode>> everything(EngineHttp http) {
    return Map.of(
        "process-instances", http.search("process-instances", Map.of()),
        "jobs", http.search("jobs", Map.of()),
        "variables", http.search("variables", Map.of()),
        "incidents", http.search("incidents", Map.of()));
  }
}
