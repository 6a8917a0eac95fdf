package org.camunda4j.bench;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.function.Function;
import org.camunda4j.engine.Engine;

/**
 * Measures one worker against a fresh in-process engine: fill a backlog, start the worker, wait for
 * its first completed job (connections open, child JVMs started), warm up, then count completed
 * jobs and CPU over the measured window while the feeder keeps the backlog topped up.
 */
final class WorkerHarness {

  /** How long a worker may take to complete its first job (a PROCESS child JVM starts slowly on a busy machine). */
  private static final Duration FIRST_JOB_BOUND = Duration.ofSeconds(60);
  private static final Duration PREFILL_BOUND = Duration.ofSeconds(60);

  /** Settings shared by every worker benchmark. */
  record Settings(int seconds, int warmupSeconds, int backlog, int maxJobs) {

    /** The same worker for {@code roundSeconds}, untimed warm-up excluded: a JIT warm-up round. */
    Settings warmupRound(int roundSeconds) {
      return new Settings(roundSeconds, 0, backlog, maxJobs);
    }
  }

  /**
   * Runs every worker once, unmeasured, for {@code roundSeconds}: rows share one JVM, and without
   * this the first rows are measured while the JIT is still compiling.
   */
  static <T> void warmUp(Settings settings, int roundSeconds, List<T> rows, Function<T, Function<URI, WorkerUnderTest>> workerOf) {
    if (roundSeconds <= 0) {
      return;
    }
    for (T row : rows) {
      measure(settings.warmupRound(roundSeconds), workerOf.apply(row));
    }
  }

  /**
   * One measured window.
   *
   * @param jvmCpu CPU of this whole JVM: engine, feeder and worker
   * @param childCpu CPU of child JVMs (the PROCESS strategy), measured separately
   * @param minBacklog the smallest backlog seen while measuring; 0 means the worker may have waited for work
   */
  record Measurement(long jobs, Duration elapsed, Duration jvmCpu, Duration childCpu, long minBacklog) {

    double jobsPerSecond() {
      return jobs / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    double jvmCpuMillisPerThousand() {
      return jobs == 0 ? Double.NaN : jvmCpu.toNanos() / 1e6 / jobs * 1000;
    }

    double childCpuMillisPerThousand() {
      return jobs == 0 ? Double.NaN : childCpu.toNanos() / 1e6 / jobs * 1000;
    }
  }

  private WorkerHarness() {}

  static Measurement measure(Settings settings, Function<URI, WorkerUnderTest> startWorker) {
    Duration lifetime = PREFILL_BOUND.plus(FIRST_JOB_BOUND)
        .plusSeconds(settings.warmupSeconds() + settings.seconds() + 30);
    try (Engine engine = Engine.start(); RawRest rest = new RawRest(engine.restAddress())) {
      rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
      AtomicReference<WorkerUnderTest> worker = new AtomicReference<>();
      try (InstanceFeeder feeder = new InstanceFeeder(rest, settings.backlog(), lifetime, () -> completed(worker), 0)) {
        waitUntil("the backlog to fill", PREFILL_BOUND, feeder, () -> feeder.created() >= settings.backlog());
        worker.set(startWorker.apply(engine.restAddress()));
        try {
          waitUntil("the first completed job", FIRST_JOB_BOUND, feeder, () -> completed(worker) > 0);
          sleep(feeder, Duration.ofSeconds(settings.warmupSeconds()));
          return window(settings, worker.get(), feeder);
        } finally {
          worker.get().close();
        }
      }
    }
  }

  private static Measurement window(Settings settings, WorkerUnderTest worker, InstanceFeeder feeder) {
    long jobsBefore = worker.completedJobs();
    Duration cpuBefore = Machine.processCpu();
    Duration childBefore = Machine.childrenCpu();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(settings.seconds());
    long minBacklog = Long.MAX_VALUE;
    while (System.nanoTime() < end) {
      minBacklog = Math.min(minBacklog, feeder.backlog());
      sleep(feeder, Duration.ofNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(100), Math.max(0, end - System.nanoTime()))));
    }
    long elapsed = System.nanoTime() - start;
    long jobs = worker.completedJobs() - jobsBefore;
    Duration cpu = Machine.processCpu().minus(cpuBefore);
    Duration childCpu = Machine.childrenCpu().minus(childBefore);
    return new Measurement(jobs, Duration.ofNanos(elapsed), cpu, childCpu.isNegative() ? Duration.ZERO : childCpu,
        Math.max(0, minBacklog));
  }

  private static long completed(AtomicReference<WorkerUnderTest> worker) {
    WorkerUnderTest current = worker.get();
    return current == null ? 0 : current.completedJobs();
  }

  private interface Condition {
    boolean holds();
  }

  private static void waitUntil(String what, Duration bound, InstanceFeeder feeder, Condition condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what + " after " + bound.toSeconds() + " s");
      }
      sleep(feeder, Duration.ofMillis(10));
    }
  }

  private static void sleep(InstanceFeeder feeder, Duration duration) {
    feeder.check();
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    feeder.check();
  }
}
