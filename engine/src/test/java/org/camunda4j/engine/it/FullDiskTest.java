package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable engine whose disk fills up answers 503 and keeps nothing half-written; once there is
 * room again it takes commands again, and everything it acknowledged is there. The disk is a real
 * 2 MB tmpfs, so the test runs where it may mount one (as root) and is skipped elsewhere.
 */
class FullDiskTest {

  @Test
  void aFullDiskAnswers503AndLosesNothingAcknowledged(@TempDir Path mountPoint) throws Exception {
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString()), "cannot mount a tmpfs here (needs root)");
    try {
      Path filler = mountPoint.resolve("filler");
      List<String> acknowledged = new ArrayList<>();
      try (Engine engine = Engine.start(EngineConfig.builder().dataDirectory(mountPoint.resolve("data")).build())) {
        EngineHttp http = new EngineHttp(engine.restAddress());
        http.deployOk("bpmn/single-service-task.bpmn");
        acknowledged.add(http.createInstance("single-service-task"));
        fillUp(filler);

        EngineHttp.Response refused = null;
        for (int i = 0; i < 5_000 && refused == null; i++) {
          EngineHttp.Response response = http.post("/process-instances",
              Map.of("processDefinitionId", "single-service-task", "variables", Map.of("padding", "x".repeat(2_000))));
          if (response.status() == 200) {
            acknowledged.add(response.json().get("processInstanceKey").asText());
          } else {
            refused = response;
          }
        }
        assertThat(refused).as("an answer other than 200 once the disk is full").isNotNull();
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("title").asText()).isEqualTo("UNAVAILABLE");
        assertThat(refused.json().get("detail").asText()).contains("cannot write its event log").contains("disk full");

        Files.delete(filler);
        acknowledged.add(Eventually.get("a creation once there is room again",
            () -> http.post("/process-instances", Map.of("processDefinitionId", "single-service-task")),
            response -> response.status() == 200).json().get("processInstanceKey").asText());
        assertThat(activeInstances(http)).containsExactlyInAnyOrderElementsOf(acknowledged);
      }
      try (Engine restarted = Engine.start(EngineConfig.builder().dataDirectory(mountPoint.resolve("data")).build())) {
        assertThat(activeInstances(new EngineHttp(restarted.restAddress()))).containsExactlyInAnyOrderElementsOf(acknowledged);
      }
    } finally {
      run("umount", mountPoint.toString());
    }
  }

  private static List<String> activeInstances(EngineHttp http) {
    return http.search("process-instances", Map.of("filter", Map.of("state", "ACTIVE"), "page", Map.of("limit", 10_000)))
        .stream().map(instance -> instance.get("processInstanceKey").asText()).toList();
  }

  /** Writes until the file system has no room left. */
  private static void fillUp(Path filler) {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // no space left: what we wanted
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
