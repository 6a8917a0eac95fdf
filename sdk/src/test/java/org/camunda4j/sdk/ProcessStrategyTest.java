package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda4j.sdk.testing.StubServer.emptyLongPoll;
import static org.camunda4j.sdk.testing.StubServer.job;
import static org.camunda4j.sdk.testing.StubServer.jobs;
import static org.camunda4j.sdk.testing.StubServer.noContent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.worker.DefaultJobWorker;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PROCESS strategy with real child JVMs: crashes, expiry while queued, hand-back, forwarded logs. */
class ProcessStrategyTest {

  private static final String ACTIVATION = "/v2/jobs/activation";
  private static final String COMPLETION = "/v2/jobs/\\d+/completion";
  private static final String FAILURE = "/v2/jobs/\\d+/failure";
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  private final StubServer stub = new StubServer();
  private final CamundaClient client = CamundaClient.builder().environment(Map.of())
      .configuration(Map.of("CAMUNDA_REST_ADDRESS", stub.address().toString())).build();

  @TempDir
  Path markers;

  @AfterEach
  void closeEverything() {
    client.close();
    stub.close();
  }

  private static JsonNode json(StubServer.Request request) {
    try {
      return Json.mapper().readTree(request.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Object crashOnDemand(JobContext job) {
    if (Boolean.TRUE.equals(job.variables().get("crash"))) {
      Runtime.getRuntime().halt(3);
    }
    return Map.of("pid", ProcessHandle.current().pid());
  }

  static Object markThenSleep(JobContext job) throws Exception {
    String marker = (String) job.variables().get("marker");
    if (marker != null) {
      Files.createFile(Path.of(marker));
    }
    Thread.sleep(((Number) job.variables().asMap().getOrDefault("sleepMillis", 0)).longValue());
    return Map.of("slept", true);
  }

  static Object logs(JobContext job) {
    job.log().info("hello from the child, job {}", job.jobKey());
    System.out.println("stdout of the child must not corrupt the protocol");
    return null;
  }

  @Test
  void aCrashedChildFailsItsJobWithRetriesMinusOneAndIsReplaced() {
    stub.on("POST", ACTIVATION)
        .thenRespond(jobs(job(1, "work", 3, "{\"crash\":true}")), jobs(job(2, "work", 3, "{}")))
        .otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", FAILURE).otherwise(noContent());
    stub.on("POST", COMPLETION).otherwise(noContent());

    JobWorker worker = client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(60))
        .withMaxConcurrentJobs(1), ExecutionStrategy.PROCESS, ProcessStrategyTest::crashOnDemand);

    Await.until("the second job to complete in a fresh child", () -> worker.stats().completed() == 1);
    JsonNode failure = json(stub.requests("POST", FAILURE).get(0));
    assertThat(failure.get("retries").asInt()).isEqualTo(2);
    assertThat(failure.get("errorMessage").asText()).contains("child JVM").contains("exited with code 3");
    assertThat(stub.requests("POST", FAILURE).get(0).path()).isEqualTo("/v2/jobs/1/failure");
    worker.close();
    assertThat(((DefaultJobWorker) worker).slotsInUse()).isZero();
  }

  @Test
  void aJobWhoseLockRunsOutWhileWaitingForAChildIsNotRun() throws Exception {
    int running = CPUS; // the pool holds min(maxConcurrentJobs, CPUs) children
    String[] batch = IntStream.rangeClosed(1, running + 1)
        .mapToObj(i -> job(i, "work", 3, i <= running
            ? "{\"sleepMillis\":4000}"
            : "{\"marker\":\"" + markers.resolve("late").toString().replace("\\", "\\\\") + "\"}"))
        .toArray(String[]::new);
    stub.on("POST", ACTIVATION).thenRespond(jobs(batch)).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());

    JobWorker worker = client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(2000))
        .withMaxConcurrentJobs(running + 1), ExecutionStrategy.PROCESS, ProcessStrategyTest::markThenSleep);

    Await.until("the queued job to expire", () -> worker.stats().expired() == 1);
    Await.until("the running jobs to complete", () -> worker.stats().completed() == running);
    assertThat(markers.resolve("late")).doesNotExist();
    assertThat(stub.requests("POST", COMPLETION)).noneMatch(r -> r.path().equals("/v2/jobs/" + (running + 1) + "/completion"));
  }

  @Test
  void shutdownHandsBackJobsThatNeverStartedAndLetsRunningOnesFinish() {
    int running = CPUS;
    String[] batch = IntStream.rangeClosed(1, running + 1)
        .mapToObj(i -> job(i, "work", 3, "{\"sleepMillis\":3000,\"marker\":\""
            + markers.resolve("started-" + i).toString().replace("\\", "\\\\") + "\"}"))
        .toArray(String[]::new);
    stub.on("POST", ACTIVATION).thenRespond(jobs(batch)).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());
    stub.on("POST", FAILURE).otherwise(noContent());
    JobWorker worker = client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(60))
        .withMaxConcurrentJobs(running + 1), ExecutionStrategy.PROCESS, ProcessStrategyTest::markThenSleep);
    Await.until("every child to be busy", () -> {
      try (var files = Files.list(markers)) {
        return files.count() == running;
      } catch (Exception e) {
        return false;
      }
    });

    ShutdownResult result = worker.shutdown(Duration.ofSeconds(30));

    assertThat(result).isEqualTo(new ShutdownResult(1, 0));
    assertThat(worker.stats().completed()).isEqualTo(running);
    assertThat(stub.requests("POST", FAILURE)).singleElement().satisfies(handBack -> {
      assertThat(json(handBack).get("retries").asInt()).as("retries unchanged").isEqualTo(3);
      assertThat(json(handBack).get("errorMessage").asText()).contains("handed back unstarted");
    });
  }

  @Test
  void logLinesWrittenInTheChildReachTheParentsLogger() {
    stub.on("POST", ACTIVATION).thenRespond(jobs(job(77, "work", 3, "{}"))).otherwise(emptyLongPoll(Duration.ofMillis(100)));
    stub.on("POST", COMPLETION).otherwise(noContent());
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
    try {
      JobWorker worker = client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(60)),
          ExecutionStrategy.PROCESS, ProcessStrategyTest::logs);

      Await.until("the completion", () -> worker.stats().completed() == 1);
      Await.until("the child's line in the parent's log", () ->
          captured.toString(StandardCharsets.UTF_8).contains("hello from the child, job 77"));
      String log = captured.toString(StandardCharsets.UTF_8);
      String line = log.lines().filter(l -> l.contains("hello from the child, job 77")).findFirst().orElseThrow();
      assertThat(line).contains("org.camunda4j.sdk.job").contains("jobKey=77").contains("jobType=work");
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void aHandlerThatCannotBeSerialisedIsRejectedWhenTheWorkerIsCreated() {
    Object notSerializable = new Object();

    assertThatThrownBy(() -> client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(5)),
        ExecutionStrategy.PROCESS, job -> Map.of("lock", notSerializable.hashCode())))
        .isInstanceOfSatisfying(CamundaConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("handler");
          assertThat(e.getMessage()).contains("java.lang.Object").contains("must be Serializable");
        });
    assertThat(client.workers()).isEmpty();
  }

  private static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }
}
