package org.camunda4j.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.WorkerStats;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine (in memory) is stopped while workers hold its jobs, and a new engine starts on the same
 * address. Every worker is full, so no poll of theirs notices; only their connections are lost.
 * The workers send the old engine's outcomes only to the cluster that handed the jobs out, which
 * they tell by the topology's {@code clusterId}: the new engine never receives an outcome for a job
 * it did not hand out. The workers themselves keep running and serve the new engine's instances.
 */
class EngineReplacedTest {

  private static final int HELD = 6;

  private final List<JobWorker> workers = new ArrayList<>();
  private final ExecutorService asyncHandlers = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Set<Long> firstLifeJobs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger firstLifeHandlersDone = new AtomicInteger();
  private volatile boolean firstLife = true;
  private Engine engine;
  private CamundaClient client;

  @AfterEach
  void stop() {
    release.countDown();
    asyncHandlers.close();
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void outcomesOfTheOldEnginesJobsAreNotSentToTheNewEngine() throws Exception {
    EngineConfig samePort = EngineConfig.builder().port(freePort()).build();
    startFirstEngine(samePort);
    startWorkers();
    createInstances(HELD);
    Await.until("every worker holds the old engine's jobs", Duration.ofSeconds(30), () -> firstLifeJobs.size() == HELD);

    engine.close();
    firstLife = false;
    release.countDown(); // the held handlers finish while no engine answers
    Await.until("the held handlers finish", Duration.ofSeconds(30), () -> firstLifeHandlersDone.get() == HELD);
    engine = Engine.start(samePort);
    client.deployResourcesFromClasspath("bpmn/work.bpmn");
    List<Long> secondLife = createInstances(HELD);

    for (long key : secondLife) {
      Await.until("the new engine's instance " + key + " completes", Duration.ofSeconds(60),
          () -> client.getProcessInstance(key).isCompleted());
    }
    Await.until("every outcome of the old engine's jobs is given up", Duration.ofSeconds(30),
        () -> total().ackClusterReplaced() == HELD);
    WorkerStats total = total();
    assertThat(total.ackAnswerLost()).as("a 404 from the new engine taken for an applied outcome").isZero();
    assertThat(total.ackNotFound()).as("outcomes the new engine answered 404").isZero();
    assertThat(total.completed()).as("the new engine's jobs").isEqualTo(HELD);
    Await.until("every slot is free again", Duration.ofSeconds(30), () -> total().inFlight() == 0);
  }

  /**
   * Behind a proxy that keeps the worker's connection, the engine is replaced between two activations
   * and nothing fails: the worker's next activation waits at the proxy and is answered by the new
   * engine. That answer names its cluster, so the worker stamps the new engine's jobs with the new id
   * and their outcomes are accepted, with no refusal first to teach it.
   */
  @Test
  void behindAProxyTheNewEnginesJobsCarryItsIdWithoutAFailedRequestFirst() throws Exception {
    EngineConfig samePort = EngineConfig.builder().port(freePort()).build();
    startFirstEngine(samePort);
    CountDownLatch newEngineUp = new CountDownLatch(1);
    AtomicInteger activationsHeld = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (FaultProxy proxy = new FaultProxy(engine.restAddress());
        CamundaClient behindProxy = CamundaClient.builder().environment(Map.of())
            .configuration(Map.of("CAMUNDA_REST_ADDRESS", proxy.address().toString())).build()) {
      proxy.onAnswer((path, status) -> {
        if (status == 412) {
          refused.incrementAndGet();
        }
      });
      JobWorker worker = behindProxy.createJobWorker(
          WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withMaxConcurrentJobs(4)
              .withRequestTimeout(Duration.ofSeconds(1)),
          ExecutionStrategy.THREAD, job -> Map.of("done", true));
      workers.add(worker);
      long before = createInstances(1).getFirst();
      Await.until("the old engine's instance completes", Duration.ofSeconds(30),
          () -> client.getProcessInstance(before).isCompleted());

      // The next activation waits at the proxy (as one that queues requests while its backend restarts),
      // once the one in flight at the old engine came back empty: no request of the worker fails.
      proxy.policy((method, path) -> {
        if (path.endsWith("/jobs/activation") && newEngineUp.getCount() > 0) {
          activationsHeld.incrementAndGet();
          try {
            newEngineUp.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return FaultProxy.Fault.NONE;
      });
      Await.until("an activation waits at the proxy", Duration.ofSeconds(30), () -> activationsHeld.get() > 0);
      engine.close();
      engine = Engine.start(samePort);
      client.deployResourcesFromClasspath("bpmn/work.bpmn");
      List<Long> secondLife = createInstances(HELD);
      newEngineUp.countDown();

      for (long key : secondLife) {
        Await.until("the new engine's instance " + key + " completes", Duration.ofSeconds(20),
            () -> client.getProcessInstance(key).isCompleted());
      }
      assertThat(refused.get()).as("outcomes the new engine refused as another cluster's (412)").isZero();
      assertThat(worker.stats().ackClusterReplaced()).as("outcomes dropped as another cluster's").isZero();
      assertThat(worker.stats().completed()).as("one job of the old engine, all of the new one's").isEqualTo(1 + HELD);
      assertThat(worker.stats().pollErrors()).as("failed activations").isZero();
    }
  }

  /**
   * A worker renews the lock of a job whose handler still runs. Once another engine answers at the
   * address, the renewal names the cluster that handed the job out, so the new engine refuses it
   * (412) instead of looking up a job it never had, and the worker stops renewing that job.
   */
  @Test
  void aLockRenewalReachingTheNewEngineIsRefusedOnceAndNotRepeated() throws Exception {
    EngineConfig samePort = EngineConfig.builder().port(freePort()).build();
    startFirstEngine(samePort);
    Map<Integer, AtomicInteger> renewals = new ConcurrentHashMap<>();
    try (FaultProxy proxy = new FaultProxy(engine.restAddress());
        CamundaClient behindProxy = CamundaClient.builder().environment(Map.of())
            .configuration(Map.of("CAMUNDA_REST_ADDRESS", proxy.address().toString())).build()) {
      proxy.onAnswer((path, status) -> {
        if (path.matches(".*/jobs/\\d+")) {
          renewals.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
      });
      JobWorker worker = behindProxy.createJobWorker(
          WorkerConfig.of("work").withJobTimeout(Duration.ofMillis(1200)).withMaxConcurrentJobs(1).withAutoExtendLock()
              .withRequestTimeout(Duration.ofSeconds(1)),
          ExecutionStrategy.VIRTUAL, job -> handle(job.jobKey()));
      workers.add(worker);
      createInstances(1);
      Await.until("the old engine's lock renewed", Duration.ofSeconds(30),
          () -> renewals.getOrDefault(204, new AtomicInteger()).get() > 0);

      engine.close();
      engine = Engine.start(samePort);
      Await.until("a renewal refused by the new engine", Duration.ofSeconds(30),
          () -> renewals.getOrDefault(412, new AtomicInteger()).get() > 0);
      Thread.sleep(3_000); // more than two renewal periods of the 1.2 s lock: none may follow the refusal

      assertThat(renewals.get(412).get()).as("renewals the new engine refused as another cluster's").isEqualTo(1);
      assertThat(renewals.getOrDefault(404, new AtomicInteger()).get()).as("renewals the new engine looked up").isZero();
    }
  }

  /** The first engine, a client of its own (not behind any proxy) and the process. */
  private void startFirstEngine(EngineConfig config) {
    engine = Engine.start(config);
    client = CamundaClient.builder().environment(Map.of())
        .configuration(Map.of("CAMUNDA_REST_ADDRESS", engine.restAddress().toString())).build();
    client.deployResourcesFromClasspath("bpmn/work.bpmn");
  }

  private void startWorkers() {
    WorkerConfig config = WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withMaxConcurrentJobs(2)
        .withRequestTimeout(Duration.ofSeconds(2));
    workers.add(client.async().createJobWorker(config, ExecutionStrategy.ASYNC,
        job -> CompletableFuture.supplyAsync(() -> handle(job.jobKey()), asyncHandlers)));
    workers.add(client.createJobWorker(config, ExecutionStrategy.THREAD, job -> handle(job.jobKey())));
    workers.add(client.createJobWorker(config, ExecutionStrategy.VIRTUAL, job -> handle(job.jobKey())));
  }

  /** The old engine's jobs wait until it is gone; the new engine's are done at once. */
  private Map<String, Object> handle(long jobKey) {
    if (firstLife) {
      firstLifeJobs.add(jobKey);
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      firstLifeHandlersDone.incrementAndGet();
    }
    return Map.of("done", true);
  }

  private List<Long> createInstances(int count) {
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")).processInstanceKey());
    }
    return keys;
  }

  private WorkerStats total() {
    long completed = 0, ackNotFound = 0, ackRetries = 0, answerLost = 0, replaced = 0;
    int inFlight = 0;
    for (JobWorker worker : workers) {
      WorkerStats stats = worker.stats();
      completed += stats.completed();
      ackNotFound += stats.ackNotFound();
      ackRetries += stats.ackRetries();
      answerLost += stats.ackAnswerLost();
      replaced += stats.ackClusterReplaced();
      inFlight += stats.inFlight();
    }
    return new WorkerStats(0, 0, 0, completed, 0, 0, 0, 0, ackNotFound, 0, inFlight, 0, Duration.ZERO, 0,
        Duration.ZERO, 0, 0, ackRetries, answerLost, Duration.ZERO, 0, replaced);
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
