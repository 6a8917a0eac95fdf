package org.camunda4j.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.camunda4j.engine.Engine;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.WorkerStats;
import org.camunda4j.sdk.faults.FaultProxy.Fault;
import org.camunda4j.sdk.internal.worker.DefaultJobWorker;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Real workers behind a {@link FaultProxy} in front of a real engine, each fault twice: with ASYNC,
 * THREAD and VIRTUAL workers at once, competing for the same job type, and with one PROCESS worker
 * whose handlers run in child JVMs. Whatever the fault: every instance completes, a
 * handler runs twice only where the protocol forces it, no slot leaks, and the stats show what
 * happened. Durations are scaled down from the ones a production outage has; the properties tested
 * do not depend on them.
 */
class WorkersUnderFaultsTest {

  private static final int INSTANCES = 30;

  /** The workers that take the jobs. */
  enum Workers {
    /** ASYNC, THREAD and VIRTUAL, competing for the same jobs. */
    IN_PROCESS,
    /** One PROCESS worker: the handlers run in a pool of child JVMs, which count their runs in files. */
    PROCESS
  }

  @TempDir Path childRuns;

  private Engine engine;
  private FaultProxy proxy;
  private CamundaClient direct;
  private CamundaClient client;
  private final Map<Long, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
  private final List<JobWorker> workers = new ArrayList<>();

  @BeforeEach
  void start() {
    engine = Engine.start();
    proxy = new FaultProxy(engine.restAddress());
    direct = client(engine.restAddress().toString());
    direct.deployResourcesFromClasspath("bpmn/work.bpmn");
    client = client(proxy.address().toString());
  }

  private Runnable detachAfterTest = () -> {};
  /** Other test classes run workers in this JVM at the same time: this name tells ours apart in the log. */
  private final String workerName = "under-faults-" + java.util.UUID.randomUUID();

  @AfterEach
  void stop() {
    detachAfterTest.run();
    client.close();
    direct.close();
    proxy.close();
    engine.close();
  }

  @ParameterizedTest
  @EnumSource(Workers.class)
  void completionsAnswered500ThatTheEngineNeverSawAreRetried(Workers kind) {
    AtomicInteger completions = new AtomicInteger();
    proxy.policy(onCompletion(() -> completions.incrementAndGet() % 3 == 0 ? Fault.INTERNAL_ERROR_UNSEEN : Fault.NONE));

    List<Long> instances = runAll(kind);

    assertEveryInstanceCompletes(instances);
    WorkerStats total = total();
    assertThat(proxy.injected.get()).isPositive();
    assertThat(total.ackRetries()).isGreaterThanOrEqualTo(proxy.injected.get());
    assertThat(total.completed()).isEqualTo(INSTANCES);
    assertThat(total.ackFailed()).isZero();
    assertNoHandlerRanTwice();
  }

  @ParameterizedTest
  @EnumSource(Workers.class)
  void aCompletionWhoseAnswerIsLostIsCountedAsDoneNotAsLockExpired(Workers kind) {
    // The answer to the first completion of every fourth job is lost; its retry gets through.
    AtomicInteger jobs = new AtomicInteger();
    java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    proxy.policy((method, path) -> path.endsWith("/completion") && seen.add(path) && jobs.incrementAndGet() % 4 == 0
        ? Fault.ANSWER_LOST : Fault.NONE);

    List<Long> instances = runAll(kind);

    assertEveryInstanceCompletes(instances);
    WorkerStats total = total();
    assertThat(proxy.answersLost.get()).isPositive();
    assertThat(total.ackAnswerLost()).isEqualTo(proxy.answersLost.get());
    assertThat(total.completed()).isEqualTo(INSTANCES);
    assertThat(total.ackNotFound()).isZero();
    assertNoHandlerRanTwice();
  }

  @ParameterizedTest
  @EnumSource(Workers.class)
  void burstsOf503OnActivationBackOffAndShowInTheStats(Workers kind) {
    AtomicInteger activations = new AtomicInteger();
    proxy.policy((method, path) -> path.endsWith("/jobs/activation") && activations.incrementAndGet() <= 8
        ? Fault.RESOURCE_EXHAUSTED : Fault.NONE);

    List<Long> instances = runAll(kind);

    assertEveryInstanceCompletes(instances);
    WorkerStats total = total();
    assertThat(total.pollErrors()).isPositive();
    assertThat(total.backpressureLimit()).as("the client limits activations after backpressure").isPositive();
    assertNoHandlerRanTwice();
  }

  @ParameterizedTest
  @EnumSource(Workers.class)
  void slowAnswersLoseNothing(Workers kind) {
    proxy.slowness(Duration.ofMillis(400));
    proxy.policy((method, path) -> Fault.SLOW);

    List<Long> instances = runAll(kind);

    assertEveryInstanceCompletes(instances);
    assertThat(total().completed()).isEqualTo(INSTANCES);
    assertNoHandlerRanTwice();
  }

  @ParameterizedTest
  @EnumSource(Workers.class)
  void afterAnOutageWithConnectionsRefusedTheWorkersResumeAtOnce(Workers kind) throws Exception {
    ListAppender<ILoggingEvent> workerLog = recordWorkerLog();
    startWorkers(kind);
    proxy.refuseConnections();
    List<Long> instances = createInstances();
    Await.until("the workers notice the outage", Duration.ofSeconds(30), () -> total().pollErrors() >= 5L * workers.size());
    assertThat(total().pollBackoff()).as("the current backoff shows in the stats").isPositive();
    // Rate-limited: each worker says so at once, then once per 10 s however fast it retries.
    assertThat(linesAboutWorkers(workerLog, Level.WARN, "job activation failed"))
        .as("WARN lines for %d failed activations of %d workers", total().pollErrors(), workers.size())
        .isBetween(1L, (long) workers.size());

    int forwardedBefore = proxy.activationsForwarded.get();
    long back = System.nanoTime();
    proxy.resume();
    Await.until("an activation reaches the engine again", Duration.ofSeconds(30),
        () -> proxy.activationsForwarded.get() > forwardedBefore);
    Duration resumedAfter = Duration.ofNanos(System.nanoTime() - back);

    assertEveryInstanceCompletes(instances);
    // The backoff had grown past a second; the probe brings the worker back well before it ends.
    System.out.println("workers resumed " + resumedAfter.toMillis() + " ms after the outage ended");
    assertThat(resumedAfter).isLessThan(Duration.ofSeconds(5));
    Await.until("every worker is out of backoff", Duration.ofSeconds(30), () -> total().pollBackoff().isZero());
    assertNoHandlerRanTwice();
    assertThat(linesAboutWorkers(workerLog, Level.INFO, "job activation works again after"))
        .as("each worker says when it works again").isEqualTo(workers.size());
  }

  /** Records the workers' own log (not the per-job one) for this test; other classes log there too. */
  private ListAppender<ILoggingEvent> recordWorkerLog() {
    Logger logger = Await.value("logback to be initialised", Duration.ofSeconds(30), () -> Optional.of(
        LoggerFactory.getLogger(DefaultJobWorker.class)).filter(Logger.class::isInstance).map(Logger.class::cast));
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    detachAfterTest = () -> logger.detachAppender(appender);
    return appender;
  }

  private long linesAboutWorkers(ListAppender<ILoggingEvent> log, Level level, String text) {
    return linesWhere(log, level, text, "'" + workerName + "'");
  }

  private static long linesWhere(ListAppender<ILoggingEvent> log, Level level, String text, String mark) {
    synchronized (log) { // logback appends under the appender's lock
      return log.list.stream()
          .filter(line -> line.getLevel() == level)
          .map(ILoggingEvent::getFormattedMessage)
          .filter(message -> message.contains(text) && message.contains(mark))
          .count();
    }
  }

  // --- helpers

  private static BiFunction<String, String, Fault> onCompletion(java.util.function.Supplier<Fault> fault) {
    return (method, path) -> path.endsWith("/completion") ? fault.get() : Fault.NONE;
  }

  private List<Long> runAll(Workers kind) {
    startWorkers(kind);
    return createInstances();
  }

  private void startWorkers(Workers kind) {
    WorkerConfig config = WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withMaxConcurrentJobs(4)
        .withRequestTimeout(Duration.ofSeconds(2)).withWorkerName(workerName);
    if (kind == Workers.PROCESS) {
      workers.add(client.createJobWorker(config, ExecutionStrategy.PROCESS, WorkersUnderFaultsTest::recordRunInChild));
      return;
    }
    workers.add(client.async().createJobWorker(config, ExecutionStrategy.ASYNC, job -> {
      ran(job.jobKey());
      return CompletableFuture.completedFuture(Map.of("by", "async"));
    }));
    workers.add(client.createJobWorker(config, ExecutionStrategy.THREAD, job -> {
      ran(job.jobKey());
      return Map.of("by", "thread");
    }));
    workers.add(client.createJobWorker(config, ExecutionStrategy.VIRTUAL, job -> {
      ran(job.jobKey());
      return Map.of("by", "virtual");
    }));
  }

  /** The PROCESS handler, in a child JVM: one file per run, named after the job, in the folder the instance names. */
  static Object recordRunInChild(JobContext job) throws IOException {
    Files.createFile(Path.of((String) job.variables().get("runs")).resolve(job.jobKey() + "-" + UUID.randomUUID()));
    return Map.of("by", "process");
  }

  private void ran(long jobKey) {
    runsPerJob.computeIfAbsent(jobKey, key -> new AtomicInteger()).incrementAndGet();
  }

  private List<Long> createInstances() {
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      keys.add(direct.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
          .withVariables(Map.of("runs", childRuns.toString()))).processInstanceKey());
    }
    return keys;
  }

  private void assertEveryInstanceCompletes(List<Long> instances) {
    for (long key : instances) {
      Await.until("instance " + key + " completes", Duration.ofSeconds(60), () -> direct.getProcessInstance(key).isCompleted());
    }
    Await.until("every slot is free again", Duration.ofSeconds(30), () -> total().inFlight() == 0);
  }

  private void assertNoHandlerRanTwice() {
    assertThat(runsPerJob.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    try (var files = Files.list(childRuns)) {
      Map<String, Long> childRunsPerJob = files.map(file -> file.getFileName().toString().split("-")[0])
          .collect(Collectors.groupingBy(job -> job, Collectors.counting()));
      assertThat(childRunsPerJob.values()).allSatisfy(runs -> assertThat(runs).isEqualTo(1));
      assertThat(runsPerJob.size() + childRunsPerJob.size()).as("jobs whose handler ran").isEqualTo(INSTANCES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WorkerStats total() {
    long polls = 0, pollErrors = 0, completed = 0, ackNotFound = 0, ackFailed = 0, ackRetries = 0, answerLost = 0;
    int inFlight = 0;
    int limit = 0;
    Duration backoff = Duration.ZERO;
    for (JobWorker worker : workers) {
      WorkerStats stats = worker.stats();
      polls += stats.polls();
      pollErrors += stats.pollErrors();
      completed += stats.completed();
      ackNotFound += stats.ackNotFound();
      ackFailed += stats.ackFailed();
      ackRetries += stats.ackRetries();
      answerLost += stats.ackAnswerLost();
      inFlight += stats.inFlight();
      limit = Math.max(limit, stats.backpressureLimit());
      backoff = stats.pollBackoff().compareTo(backoff) > 0 ? stats.pollBackoff() : backoff;
    }
    return new WorkerStats(polls, pollErrors, 0, completed, 0, 0, 0, 0, ackNotFound, ackFailed, inFlight, 0,
        Duration.ZERO, 0, Duration.ZERO, 0, 0, ackRetries, answerLost, backoff, limit, 0);
  }

  private static CamundaClient client(String address) {
    Map<String, String> configuration = new HashMap<>();
    configuration.put("CAMUNDA_REST_ADDRESS", address);
    return CamundaClient.builder().environment(Map.of()).configuration(configuration).build();
  }
}
