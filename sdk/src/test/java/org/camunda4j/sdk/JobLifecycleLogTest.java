package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The seed's logging promise: whatever the strategy (a PROCESS handler's own logger lives in a child
 * JVM), the worker's main-process logger records every job's activation, completion, failure and
 * BPMN error, each line carrying the job's key.
 */
class JobLifecycleLogTest {

  private final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing(); // keeps the logging thread's MDC with the event
      super.append(event);
    }
  };
  private Logger jobLog;
  private Level previousLevel;

  @BeforeEach
  void recordTheJobLog() {
    // While another test class initialises SLF4J, getLogger hands out a stand-in; wait for logback's.
    jobLog = Await.value("logback to be initialised", Await.DEFAULT, () -> Optional.of(
        LoggerFactory.getLogger("org.camunda4j.sdk.job")).filter(Logger.class::isInstance).map(Logger.class::cast));
    previousLevel = jobLog.getLevel();
    jobLog.setLevel(Level.DEBUG);
    lines.start();
    jobLog.addAppender(lines);
  }

  @AfterEach
  void stopRecording() {
    jobLog.detachAppender(lines);
    jobLog.setLevel(previousLevel);
  }

  /** Completes, fails (no retries) or throws a BPMN error, as the instance's {@code outcome} says. */
  static Object decide(JobContext job) throws Exception {
    return switch (String.valueOf(job.variables().get("outcome"))) {
      case "complete" -> Map.of("done", true);
      case "fail" -> throw new JobFailure("out of stock", 0, Duration.ZERO);
      default -> throw new JobError("NO_STOCK", "nothing left anywhere");
    };
  }

  private static JobWorker worker(EngineFixture fixture, String strategy, WorkerConfig config) {
    CamundaClient client = fixture.client;
    return switch (strategy) {
      case "AUTO" -> client.createJobWorker(config, JobLifecycleLogTest::decide);
      case "ASYNC" -> client.createJobWorker(config, ExecutionStrategy.ASYNC, job -> {
        try {
          return java.util.concurrent.CompletableFuture.completedFuture(decide(job));
        } catch (Exception e) {
          return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
      });
      case "THREAD" -> client.createJobWorker(config, ExecutionStrategy.THREAD, JobLifecycleLogTest::decide);
      case "VIRTUAL" -> client.createJobWorker(config, ExecutionStrategy.VIRTUAL, JobLifecycleLogTest::decide);
      case "PROCESS" -> client.createJobWorker(config, ExecutionStrategy.PROCESS, JobLifecycleLogTest::decide);
      default -> throw new IllegalArgumentException(strategy);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUTO", "ASYNC", "THREAD", "VIRTUAL", "PROCESS"})
  void everyLifecycleEventOfAJobIsLoggedByTheMainProcess(String strategy) {
    String workerName = "lifecycle-" + strategy;
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      worker(fixture, strategy,
          WorkerConfig.of("work").withJobTimeout(EngineFixture.lock()).withWorkerName(workerName));
      fixture.start("work", Map.of("orderId", "o-1", "outcome", "complete"));
      fixture.start("work", Map.of("orderId", "o-2", "outcome", "fail"));
      fixture.start("work", Map.of("orderId", "o-3", "outcome", "error"));
      // The acknowledgement is counted just before its line is logged, so wait for the lines themselves.
      // A PROCESS worker first starts a child JVM; the bound only guards against a hang.
      Await.until("three jobs with an activation and an outcome line", Duration.ofSeconds(150), () -> {
        Map<String, List<String>> sofar = linesPerJob(workerName);
        return sofar.size() == 3 && sofar.values().stream().allMatch(jobLines -> jobLines.size() >= 2);
      });

      Map<String, List<String>> linesPerJob = linesPerJob(workerName);
      assertThat(linesPerJob).hasSize(3);
      assertThat(linesPerJob.values()).allSatisfy(jobLines ->
          assertThat(jobLines).first().isEqualTo("DEBUG Job <key> activated (3 retries left, locked for 30000 ms)"));
      assertThat(linesPerJob.values().stream().map(List::getLast)).containsExactlyInAnyOrder(
          "DEBUG Job <key> completed",
          "WARN Job <key> failed: out of stock (no retries left: the engine raises an incident)",
          "INFO Job <key> threw BPMN error 'NO_STOCK': nothing left anywhere");
    }
  }

  /** The recorded lines of this worker's jobs, by job key, each key replaced with {@code <key>}. */
  private Map<String, List<String>> linesPerJob(String workerName) {
    List<ILoggingEvent> recorded;
    synchronized (lines) { // logback appends under the appender's lock
      recorded = List.copyOf(lines.list);
    }
    return recorded.stream()
        .filter(line -> workerName.equals(line.getMDCPropertyMap().get("workerName")))
        .collect(Collectors.groupingBy(line -> line.getMDCPropertyMap().get("jobKey"), TreeMap::new,
            Collectors.mapping(line -> line.getLevel() + " " + line.getFormattedMessage()
                .replace(line.getMDCPropertyMap().get("jobKey"), "<key>"), Collectors.toList())));
  }
}
