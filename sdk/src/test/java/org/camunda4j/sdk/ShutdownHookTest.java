package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.sdk.testing.StubServer.emptyLongPoll;
import static org.camunda4j.sdk.testing.StubServer.job;
import static org.camunda4j.sdk.testing.StubServer.jobs;
import static org.camunda4j.sdk.testing.StubServer.noContent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runWorkers() in a real JVM that is asked to stop (SIGTERM): the running job is drained, then it exits. */
class ShutdownHookTest {

  /** The application under test: one worker, runWorkers(), nothing else. */
  public static final class App {
    public static void main(String[] args) throws Exception {
      Path started = Path.of(args[1]);
      try (CamundaClient client = CamundaClient.builder().environment(Map.of())
          .configuration(Map.of("CAMUNDA_REST_ADDRESS", args[0], "CAMUNDA_WORKER_TIMEOUT", "60000")).build()) {
        client.createJobWorker(WorkerConfig.of("work"), (SyncJobContext job) -> {
          Files.createFile(started);
          Thread.sleep(2000);
          return Map.of("drained", true);
        });
        client.runWorkers();
      }
    }
  }

  @TempDir
  Path dir;

  @Test
  void aJvmAskedToStopDrainsItsRunningJobBeforeExiting() throws Exception {
    try (StubServer stub = new StubServer()) {
      stub.on("POST", "/v2/jobs/activation").thenRespond(jobs(job(11, "work", 3, "{}")))
          .otherwise(emptyLongPoll(Duration.ofMillis(200)));
      stub.on("POST", "/v2/jobs/\\d+/completion").otherwise(noContent());
      Path started = dir.resolve("started");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process app = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
          App.class.getName(), stub.address().toString(), started.toString()))
          .redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
      try {
        Await.until("the handler to start in the application", () -> Files.exists(started));

        app.destroy(); // SIGTERM: the JVM runs its shutdown hooks

        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the application exits").isTrue();
        assertThat(stub.requests("POST", "/v2/jobs/11/completion")).as("the running job was completed")
            .singleElement().satisfies(r -> assertThat(r.body()).contains("\"drained\":true"));
      } finally {
        app.destroyForcibly();
      }
    }
  }
}
