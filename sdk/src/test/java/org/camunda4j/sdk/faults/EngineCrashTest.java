package org.camunda4j.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.EngineMain;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone engine, durable, as a child JVM under load from a real worker in this JVM, is
 * killed with SIGKILL at random points, three times, and restarted on the same data directory and
 * port. Afterwards every acknowledged instance creation is there and completes (the deployment
 * needs no second upload), a job that failed on purpose runs again, no job is handed out twice
 * within its deadline, and the worker, never restarted, serves the restarted engine.
 */
class EngineCrashTest {

  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(5);
  private static final int ROUNDS = 3;

  @TempDir Path data;
  @TempDir Path logs;
  private final Random random = new Random();
  private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
  private final Map<Long, List<Long>> handlerStarts = new ConcurrentHashMap<>();
  private final Set<Long> failedOnPurpose = ConcurrentHashMap.newKeySet();
  private Process engine;
  private CamundaClient client;
  private volatile boolean feeding = true;

  @AfterEach
  void stop() throws InterruptedException {
    feeding = false;
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.destroy();
      engine.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(180)
  void everythingAcknowledgedSurvivesSigkillsAndTheWorkerResumesWithoutARestart() throws Exception {
    int port = freePort();
    engine = startEngine(port, 0);
    client = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + port)).build();
    client.deployResourcesFromClasspath("bpmn/work.bpmn");
    JobWorker worker = client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(JOB_TIMEOUT).withMaxConcurrentJobs(8).withRequestTimeout(Duration.ofSeconds(1)),
        ExecutionStrategy.THREAD, job -> {
          handlerStarts.computeIfAbsent(job.jobKey(), k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
          if (Boolean.TRUE.equals(job.variables().get("fail")) && failedOnPurpose.add(job.jobKey())) {
            throw new IllegalStateException("failing once on purpose");
          }
          return Map.of("done", true);
        });
    Thread feeder = Thread.ofPlatform().daemon().name("feeder").start(this::feed);

    for (int round = 1; round <= ROUNDS; round++) {
      int countBefore = acknowledged.size();
      Await.until("instances created in round " + round, Duration.ofSeconds(60), () -> acknowledged.size() > countBefore + 20);
      Thread.sleep(random.nextInt(1_500));
      engine.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertThat(engine.waitFor(20, TimeUnit.SECONDS)).isTrue();
      engine = startEngine(port, round);
    }
    Await.until("instances created after the last restart", Duration.ofSeconds(60), () -> acknowledged.size() > 80);
    feeding = false;
    feeder.join(10_000);

    for (long key : acknowledged) {
      Await.until("acknowledged instance " + key + " completes", Duration.ofSeconds(60), () -> completed(key));
    }
    for (Map.Entry<Long, List<Long>> job : handlerStarts.entrySet()) {
      List<Long> starts = job.getValue();
      for (int i = 1; i < starts.size(); i++) {
        long apartMillis = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
        boolean afterOwnFailure = i == 1 && failedOnPurpose.contains(job.getKey());
        assertThat(afterOwnFailure || apartMillis >= JOB_TIMEOUT.toMillis() - 250)
            .as("job %d handed out again %d ms after its previous activation (timeout %s)", job.getKey(), apartMillis, JOB_TIMEOUT)
            .isTrue();
      }
    }
    assertThat(failedOnPurpose).as("jobs failed on purpose").isNotEmpty();
    assertThat(worker.stats().completed()).as("jobs the worker completed").isPositive();
  }

  /** Creates instances one after the other; those the engine answered are acknowledged, the rest never happened. */
  private void feed() {
    int i = 0;
    while (feeding) {
      try {
        long key = client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
            .withVariables(Map.of("i", i, "fail", i % 4 == 0))).processInstanceKey();
        acknowledged.add(key);
        i++;
      } catch (RuntimeException engineDown) {
        sleep(50);
      }
    }
  }

  private boolean completed(long key) {
    try {
      return client.getProcessInstance(key).isCompleted();
    } catch (RuntimeException notYetOrDown) {
      return false;
    }
  }

  private Process startEngine(int port, int life) throws IOException, InterruptedException {
    Path log = logs.resolve("engine-" + life + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), EngineMain.class.getName(),
        "--port", String.valueOf(port), "--data-dir", data.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (output.contains("camunda4j engine ready")) {
        return process;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the engine (life " + life + ") ended before it was ready:\n" + output);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the engine (life " + life + ") was not ready within 90 s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
