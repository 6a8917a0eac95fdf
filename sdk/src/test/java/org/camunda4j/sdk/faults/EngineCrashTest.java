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
import org.camunda4j.sdk.Incident;
import org.camunda4j.sdk.JobFailure;
import org.camunda4j.sdk.JobUpdateRequest;
import org.camunda4j.sdk.MessagePublicationRequest;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.SearchRequest;
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
 * within its deadline, and the worker, never restarted, serves the restarted engine. Alongside,
 * messages are published before the instance that awaits them is created (so they wait buffered,
 * across kills), and jobs raise incidents that a resolver resolves: every instance whose message
 * publication was acknowledged completes, and no incident whose resolution was acknowledged comes
 * back (the resolver never resolves one twice, so a lost resolution would leave its instance stuck).
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
  private final Set<Long> incidentsRaised = ConcurrentHashMap.newKeySet();
  private final Set<Long> resolutionsAcknowledged = ConcurrentHashMap.newKeySet();
  private final Set<String> publicationsAcknowledged = ConcurrentHashMap.newKeySet();
  private final List<Long> awaitingMessage = new CopyOnWriteArrayList<>();
  private Process engine;
  private CamundaClient client;
  private volatile boolean feeding = true;
  private volatile boolean resolving = true;

  @AfterEach
  void stop() throws InterruptedException {
    feeding = false;
    resolving = false;
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.destroy();
      engine.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(300)
  void everythingAcknowledgedSurvivesSigkillsAndTheWorkerResumesWithoutARestart() throws Exception {
    int port = freePort();
    engine = startEngine(port, 0);
    client = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + port)).build();
    client.deployResourcesFromClasspath("bpmn/work.bpmn", "bpmn/await-message.bpmn");
    JobWorker worker = client.createJobWorker(
        WorkerConfig.of("work").withJobTimeout(JOB_TIMEOUT).withMaxConcurrentJobs(8).withRequestTimeout(Duration.ofSeconds(1)),
        ExecutionStrategy.THREAD, job -> {
          handlerStarts.computeIfAbsent(job.jobKey(), k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
          if (Boolean.TRUE.equals(job.variables().get("fail")) && failedOnPurpose.add(job.jobKey())) {
            throw new IllegalStateException("failing once on purpose");
          }
          if (Boolean.TRUE.equals(job.variables().get("incident")) && incidentsRaised.add(job.jobKey())) {
            throw new JobFailure("an incident on purpose", 0, Duration.ZERO);
          }
          return Map.of("done", true);
        });
    Thread feeder = Thread.ofPlatform().daemon().name("feeder").start(this::feed);
    Thread resolver = Thread.ofPlatform().daemon().name("resolver").start(this::resolveIncidents);

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
    // Only now, with the engine up for good, is each acknowledged message awaited: an instance created
    // while the engine died could exist though its creation was never answered, and would take the
    // message meant for the one created on the retry.
    for (String id : publicationsAcknowledged) {
      long key = client.createProcessInstance(
          ProcessInstanceCreationRequest.ofProcessId("await-message").withVariables(Map.of("id", id))).processInstanceKey();
      awaitingMessage.add(key);
      Await.until("instance " + key + ", awaiting message " + id + " published before a crash, completes",
          Duration.ofSeconds(60), () -> completed(key));
    }
    resolving = false;
    resolver.join(10_000);
    for (Map.Entry<Long, List<Long>> job : handlerStarts.entrySet()) {
      List<Long> starts = job.getValue();
      for (int i = 1; i < starts.size(); i++) {
        long apartMillis = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
        boolean afterOwnFailure = i == 1 && (failedOnPurpose.contains(job.getKey()) || incidentsRaised.contains(job.getKey()));
        assertThat(afterOwnFailure || apartMillis >= JOB_TIMEOUT.toMillis() - 250)
            .as("job %d handed out again %d ms after its previous activation (timeout %s)", job.getKey(), apartMillis, JOB_TIMEOUT)
            .isTrue();
      }
    }
    assertThat(failedOnPurpose).as("jobs failed on purpose").isNotEmpty();
    assertThat(resolutionsAcknowledged).as("incidents resolved").isNotEmpty();
    assertThat(awaitingMessage).as("instances that awaited an acknowledged message").isNotEmpty();
    assertThat(worker.stats().completed()).as("jobs the worker completed").isPositive();
  }

  /**
   * Creates instances one after the other; those the engine answered are acknowledged, the rest
   * never happened. Every third round also publishes a message (buffered for an hour), which an
   * instance created at the end must find.
   */
  private void feed() {
    int i = 0;
    while (feeding) {
      try {
        long key = client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
            .withVariables(Map.of("i", i, "fail", i % 4 == 0, "incident", i % 7 == 3 && i % 4 != 0))).processInstanceKey();
        acknowledged.add(key);
        if (i % 3 == 0) {
          publish("m-" + i);
        }
        i++;
      } catch (RuntimeException engineDown) {
        sleep(50);
      }
    }
  }

  private void publish(String id) {
    while (feeding && !publicationsAcknowledged.contains(id)) {
      try {
        client.publishMessage(MessagePublicationRequest.of("go", id).withTimeToLive(Duration.ofHours(1)));
        publicationsAcknowledged.add(id);
      } catch (RuntimeException engineDown) {
        sleep(50);
      }
    }
  }

  /** Gives each active incident's job a retry and resolves the incident, once: a resolution that is acknowledged is never repeated. */
  private void resolveIncidents() {
    while (resolving) {
      try {
        for (Incident incident : client.searchIncidents(SearchRequest.filter(Map.of("state", "ACTIVE"))).items()) {
          if (!resolutionsAcknowledged.contains(incident.incidentKey())) {
            client.updateJob(incident.jobKey(), JobUpdateRequest.retries(1));
            client.resolveIncident(incident.incidentKey());
            resolutionsAcknowledged.add(incident.incidentKey());
          }
        }
      } catch (RuntimeException engineDown) {
        // tried again on the next round
      }
      sleep(200);
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
