package org.camunda4j.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessInstance;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.faults.FaultProxy.Fault;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official Java client (8.9, REST) and a camunda4j worker under the same faults, one after the
 * other, each against a fresh engine behind a {@link FaultProxy}: 30 instances, one worker with 4
 * jobs at a time, the same handler (count the run, complete the job). What each lost, left on an
 * incident or ran twice is printed as one table, which {@code docs/reliability.md} records.
 *
 * <p>Only camunda4j's figures are asserted (every instance completes, none on an incident, no
 * handler twice; the worker runs with its defaults, as a user's would): the official client's are its behaviour, recorded for the comparison. After the
 * engine is replaced, the instances counted are the new engine's (the old one kept nothing in memory);
 * "stale" counts the outcomes of the old engine's jobs that reached the new engine, "refused" those of
 * them the new engine refused as another cluster's (412, camunda4j's workers name the job's cluster)
 * rather than by their key (404, which only says that no job has that key now).
 */
class OfficialClientComparisonTest {

  private static final int INSTANCES = 30;
  private static final Duration SETTLE = Duration.ofSeconds(90);

  /** The faults of the comparison. */
  enum Injected {
    BURSTS_OF_503_ON_ACTIVATION,
    A_500_ON_EVERY_THIRD_COMPLETION,
    ANSWER_LOST_AFTER_THE_ENGINE_COMPLETED,
    ANSWERS_SLOWED_BY_1_S,
    OUTAGE_OF_10_S,
    ENGINE_REPLACED
  }

  enum Contender { CAMUNDA4J, OFFICIAL }

  /** What became of one run's instances. */
  record Outcome(long completed, long onIncident, long ranTwice, long stale, long refused, long dropped, Duration resumedAfter) {}

  private static final Map<Injected, Map<Contender, Outcome>> TABLE = new EnumMap<>(Injected.class);

  @ParameterizedTest
  @EnumSource(Injected.class)
  void bothClientsUnderTheSameFault(Injected fault) throws Exception {
    Map<Contender, Outcome> row = new EnumMap<>(Contender.class);
    for (Contender contender : Contender.values()) {
      row.put(contender, new Run(fault, contender).run());
    }
    synchronized (TABLE) {
      TABLE.put(fault, row);
    }

    Outcome ours = row.get(Contender.CAMUNDA4J);
    assertThat(ours.completed()).as("camunda4j: instances completed").isEqualTo(INSTANCES);
    assertThat(ours.onIncident()).as("camunda4j: instances on an incident").isZero();
    assertThat(ours.ranTwice()).as("camunda4j: handlers run twice").isZero();
    if (fault == Injected.ENGINE_REPLACED) {
      // Behind a proxy that keeps the worker's connections open, the worker loses no connection when
      // the engine behind it is replaced: the held jobs' outcomes reach the new engine, which refuses
      // them by the cluster id they carry, and the worker drops them.
      assertThat(ours.stale()).as("camunda4j: the held jobs' outcomes that reached the new engine").isEqualTo(4);
      assertThat(ours.refused()).as("camunda4j: of them, refused as another cluster's (412)").isEqualTo(4);
      assertThat(ours.dropped()).as("camunda4j: ackClusterReplaced").isEqualTo(4);
    } else {
      assertThat(ours.stale()).as("camunda4j: outcomes of another engine's jobs").isZero();
      assertThat(ours.dropped()).as("camunda4j: ackClusterReplaced").isZero();
    }
  }

  @AfterAll
  static void printTable() {
    StringBuilder table = new StringBuilder("---- official client vs camunda4j, " + INSTANCES + " instances per run\n")
        .append("| Fault | Client | Completed | On incident | Ran twice | Stale outcomes (refused, 412) | Resumed after |\n")
        .append("|---|---|---|---|---|---|---|\n");
    synchronized (TABLE) {
      TABLE.forEach((fault, row) -> row.forEach((contender, o) -> table.append("| %s | %s | %d | %d | %d | %d (%d) | %s |\n".formatted(
          fault, contender, o.completed(), o.onIncident(), o.ranTwice(), o.stale(), o.refused(),
          o.resumedAfter().isNegative() ? "" : o.resumedAfter().toMillis() + " ms"))));
    }
    System.out.println(table);
  }

  /** One contender under one fault, with its own engine, proxy and worker. */
  private static final class Run {
    private final Injected fault;
    private final Contender contender;
    private final Map<Long, AtomicInteger> runsPerJob = new ConcurrentHashMap<>();
    private final Set<Long> firstLifeJobs = ConcurrentHashMap.newKeySet();
    private final CountDownLatch replaced = new CountDownLatch(1);
    private volatile boolean firstLife = true;
    private volatile JobWorker ours; // camunda4j's, for its stats

    Run(Injected fault, Contender contender) {
      this.fault = fault;
      this.contender = contender;
    }

    Outcome run() throws Exception {
      EngineConfig samePort = EngineConfig.builder().port(freePort()).build();
      Engine engine = Engine.start(samePort);
      try (FaultProxy proxy = new FaultProxy(engine.restAddress())) {
        proxy.policy(policyFor(fault));
        proxy.slowness(Duration.ofSeconds(1));
        CamundaClient observer = observer(engine);
        AutoCloseable worker = startWorker(proxy.address());
        try {
          List<Long> instances = new ArrayList<>(createInstances(observer, fault == Injected.OUTAGE_OF_10_S ? 10 : INSTANCES));
          Duration resumedAfter = Duration.ofMillis(-1);
          if (fault == Injected.OUTAGE_OF_10_S) { // the rest are created while the worker cannot reach the engine
            Await.until("the jobs before the outage done", Duration.ofSeconds(60), () -> runsPerJob.size() >= 10);
            proxy.refuseConnections();
            instances.addAll(createInstances(observer, INSTANCES - 10));
            Thread.sleep(10_000);
            int forwardedBefore = proxy.activationsForwarded.get();
            long back = System.nanoTime();
            proxy.resume();
            Await.until("an activation after the outage", Duration.ofSeconds(30), () -> proxy.activationsForwarded.get() > forwardedBefore);
            resumedAfter = Duration.ofNanos(System.nanoTime() - back);
          }
          Set<Long> stale = ConcurrentHashMap.newKeySet();
          Set<Long> refused = ConcurrentHashMap.newKeySet();
          if (fault == Injected.ENGINE_REPLACED) {
            Await.until("the worker holds the old engine's jobs", Duration.ofSeconds(60), () -> firstLifeJobs.size() == 4);
            engine.close();
            observer.close();
            engine = Engine.start(samePort);
            observer = observer(engine);
            proxy.policy((method, path) -> {
              if (path.endsWith("/completion") || path.endsWith("/failure")) {
                long key = Long.parseLong(path.split("/")[3]);
                if (firstLifeJobs.contains(key)) {
                  stale.add(key);
                }
              }
              return Fault.NONE;
            });
            proxy.onAnswer((path, status) -> {
              if (status == 412 && (path.endsWith("/completion") || path.endsWith("/failure"))) {
                refused.add(Long.parseLong(path.split("/")[3]));
              }
            });
            firstLife = false;
            replaced.countDown(); // the held handlers finish, their outcomes go to whatever answers now
            instances = createInstances(observer, INSTANCES);
          }
          CamundaClient settled = observer;
          List<Long> counted = instances;
          awaitAtMost(SETTLE, () -> counted.stream().allMatch(key -> done(settled.getProcessInstance(key))));
          long completed = instances.stream().filter(key -> settled.getProcessInstance(key).isCompleted()).count();
          long onIncident = instances.stream().filter(key -> settled.getProcessInstance(key).hasIncident()).count();
          long ranTwice = runsPerJob.values().stream().filter(runs -> runs.get() > 1).count();
          observer.close();
          long dropped = ours == null ? 0 : ours.stats().ackClusterReplaced();
          return new Outcome(completed, onIncident, ranTwice, stale.size(), refused.size(), dropped, resumedAfter);
        } finally {
          worker.close();
        }
      } finally {
        replaced.countDown();
        engine.close();
      }
    }

    /** Waits until the condition holds or the time is up, whichever comes first: what is left then is counted. */
    private static void awaitAtMost(Duration max, java.util.function.BooleanSupplier condition) throws InterruptedException {
      long end = System.nanoTime() + max.toNanos();
      while (!condition.getAsBoolean() && System.nanoTime() < end) {
        Thread.sleep(200);
      }
    }

    private static boolean done(ProcessInstance instance) {
      return instance.isCompleted() || instance.hasIncident();
    }

    private BiFunction<String, String, Fault> policyFor(Injected injected) {
      AtomicInteger count = new AtomicInteger();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      return switch (injected) {
        case BURSTS_OF_503_ON_ACTIVATION -> (method, path) -> path.endsWith("/jobs/activation") && count.incrementAndGet() % 10 < 4
            ? Fault.RESOURCE_EXHAUSTED : Fault.NONE;
        case A_500_ON_EVERY_THIRD_COMPLETION -> (method, path) -> path.endsWith("/completion") && count.incrementAndGet() % 3 == 0
            ? Fault.INTERNAL_ERROR_UNSEEN : Fault.NONE;
        case ANSWER_LOST_AFTER_THE_ENGINE_COMPLETED -> (method, path) -> path.endsWith("/completion") && seen.add(path)
            && count.incrementAndGet() % 4 == 0 ? Fault.ANSWER_LOST : Fault.NONE;
        case ANSWERS_SLOWED_BY_1_S -> (method, path) -> Fault.SLOW;
        case OUTAGE_OF_10_S, ENGINE_REPLACED -> (method, path) -> Fault.NONE;
      };
    }

    private void ran(long jobKey) {
      runsPerJob.computeIfAbsent(jobKey, key -> new AtomicInteger()).incrementAndGet();
      if (fault == Injected.ENGINE_REPLACED && firstLife) {
        firstLifeJobs.add(jobKey);
        try {
          replaced.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private AutoCloseable startWorker(URI address) {
      return switch (contender) {
        case CAMUNDA4J -> {
          CamundaClient client = CamundaClient.builder().environment(Map.of())
              .configuration(Map.of("CAMUNDA_REST_ADDRESS", address.toString())).build();
          JobWorker worker = client.createJobWorker(
              WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withMaxConcurrentJobs(4),
              ExecutionStrategy.THREAD, job -> {
                ran(job.jobKey());
                return Map.of();
              });
          ours = worker;
          yield () -> {
            worker.close();
            client.close();
          };
        }
        case OFFICIAL -> {
          io.camunda.client.CamundaClient client = io.camunda.client.CamundaClient.newClientBuilder()
              .restAddress(address)
              .preferRestOverGrpc(true)
              .defaultJobWorkerStreamEnabled(false)
              .defaultRequestTimeout(Duration.ofSeconds(30))
              .numJobWorkerExecutionThreads(4) // as many handlers at once as ours (its default is one)
              .build();
          io.camunda.client.api.worker.JobWorker worker = client.newWorker().jobType("work")
              .handler((jobClient, job) -> {
                ran(job.getKey());
                jobClient.newCompleteCommand(job).send().join();
              })
              .timeout(Duration.ofSeconds(30))
              .maxJobsActive(4)
              .open();
          yield () -> {
            worker.close();
            client.close();
          };
        }
      };
    }

    private static CamundaClient observer(Engine engine) {
      CamundaClient observer = CamundaClient.builder().environment(Map.of())
          .configuration(Map.of("CAMUNDA_REST_ADDRESS", engine.restAddress().toString())).build();
      observer.deployResourcesFromClasspath("bpmn/work.bpmn");
      return observer;
    }

    private static List<Long> createInstances(CamundaClient observer, int count) {
      List<Long> keys = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        keys.add(observer.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")).processInstanceKey());
      }
      return keys;
    }

    private static int freePort() throws IOException {
      try (ServerSocket probe = new ServerSocket(0)) {
        return probe.getLocalPort();
      }
    }
  }
}
