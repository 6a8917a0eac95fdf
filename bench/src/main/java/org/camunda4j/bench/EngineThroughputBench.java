package org.camunda4j.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;

/**
 * Engine throughput over real HTTP, without any SDK: create N one-task instances from C threads,
 * then drain them with C threads that each loop "activate up to B jobs, complete each one". Both
 * phases are bounded by {@code --seconds}; the drain ends early once no job is left.
 */
final class EngineThroughputBench {

  static final String NAME = "engine-throughput";
  static final Set<String> OPTIONS = Set.of("seconds", "instances", "concurrency", "batch", "warmup", "data-dir");
  static final String USAGE = NAME + " [--seconds S] [--instances N] [--concurrency C] [--batch B] [--warmup W] [--data-dir DIR]\n"
      + "    raw REST against the in-process engine: N instance creations, then activate (B per call) + complete\n"
      + "    from C threads for at most S s per phase; W instances first as an untimed JIT warm-up;\n"
      + "    with --data-dir the engine keeps its event log there (durable), else in memory";

  record Options(int seconds, int instances, int concurrency, int batch, int warmupInstances, String dataDirectory) {

    static Options parse(BenchArgs args) {
      return new Options(args.intValue("seconds", 8, 1), args.intValue("instances", 10_000, 1),
          args.intValue("concurrency", 4, 1), args.intValue("batch", 32, 1), args.intValue("warmup", 1_000, 0),
          args.stringValue("data-dir", null));
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --seconds " + seconds + " --instances " + instances
          + " --concurrency " + concurrency + " --batch " + batch + " --warmup " + warmupInstances
          + (dataDirectory == null ? "" : " --data-dir " + dataDirectory);
    }

    EngineConfig engineConfig() {
      return EngineConfig.builder().dataDirectory(dataDirectory == null ? null : Path.of(dataDirectory)).build();
    }
  }

  /** What one phase did: how many items, in how long, at what CPU cost. */
  record Phase(long count, Duration elapsed, Duration cpu) {

    double perSecond() {
      return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    double cpuMillisPerThousand() {
      return count == 0 ? Double.NaN : cpu.toNanos() / 1e6 / count * 1000;
    }
  }

  record Result(Machine.Start machine, Options options, Phase creations, Phase jobs, long activationCalls,
      double completeP50Millis, double completeP99Millis) {

    double jobsPerActivation() {
      return activationCalls == 0 ? 0 : (double) jobs.count() / activationCalls;
    }

    void print(PrintStream out) {
      out.println("== " + NAME + ": the engine over raw REST (java.net.http, no SDK) ==");
      out.println(Machine.description(machine));
      new ResultTable("phase", "count", "seconds", "per second", "CPU ms / 1k")
          .row("create instances (" + options.concurrency() + " threads)", creations.count(),
              String.format("%.2f", creations.elapsed().toNanos() / 1e9), ResultTable.rate(creations.perSecond()),
              ResultTable.millis(creations.cpuMillisPerThousand()))
          .row("activate + complete jobs (" + options.concurrency() + " threads)", jobs.count(),
              String.format("%.2f", jobs.elapsed().toNanos() / 1e9), ResultTable.rate(jobs.perSecond()),
              ResultTable.millis(jobs.cpuMillisPerThousand()))
          .print(out);
      out.printf("%d activation calls, %.1f jobs per call (max %d); CPU is the whole JVM (engine + load generator)%n",
          activationCalls, jobsPerActivation(), options.batch());
      out.printf("complete call (sent -> answered, events committed): p50 %.2f ms, p99 %.2f ms; engine state %s%n",
          completeP50Millis, completeP99Millis, options.dataDirectory() == null ? "in memory" : "durable");
      out.println("reproduce: " + options.commandLine());
    }
  }

  private EngineThroughputBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    try (Engine engine = Engine.start(options.engineConfig()); RawRest rest = new RawRest(engine.restAddress())) {
      rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
      Duration bound = Duration.ofSeconds(options.seconds());
      if (options.warmupInstances() > 0) {
        // Untimed, so that the measured phases run JIT-compiled code; leftovers are drained later.
        createInstances(rest, options.warmupInstances(), options.concurrency(), bound);
        drainJobs(rest, options.concurrency(), options.batch(), bound, new AtomicLong(), new LatencySamples());
      }
      Phase creations = createInstances(rest, options.instances(), options.concurrency(), bound);
      AtomicLong activationCalls = new AtomicLong();
      LatencySamples completeLatency = new LatencySamples();
      Phase jobs = drainJobs(rest, options.concurrency(), options.batch(), bound, activationCalls, completeLatency);
      return new Result(machine, options, creations, jobs, activationCalls.get(), completeLatency.percentileMillis(50),
          completeLatency.percentileMillis(99));
    }
  }

  private static Phase createInstances(RawRest rest, int instances, int threads, Duration bound) {
    AtomicInteger claimed = new AtomicInteger();
    AtomicLong created = new AtomicLong();
    return timed(created, bound, deadline -> ParallelLoop.run("create", threads, deadline, () -> {
      if (claimed.getAndIncrement() >= instances) {
        return false;
      }
      rest.createInstance(BenchProcess.PROCESS_ID);
      created.incrementAndGet();
      return true;
    }));
  }

  private static Phase drainJobs(RawRest rest, int threads, int batch, Duration bound, AtomicLong activationCalls,
      LatencySamples completeLatency) {
    AtomicLong completed = new AtomicLong();
    return timed(completed, bound, deadline -> ParallelLoop.run("drain", threads, deadline, () -> {
      // requestTimeout -1: answer at once, so an empty answer means the backlog is gone (no long poll).
      List<Long> jobKeys = rest.activate(BenchProcess.JOB_TYPE, batch, -1);
      activationCalls.incrementAndGet();
      for (long jobKey : jobKeys) {
        long sent = System.nanoTime();
        rest.complete(jobKey);
        long answered = System.nanoTime();
        synchronized (completeLatency) {
          completeLatency.add(answered - sent);
        }
        completed.incrementAndGet();
      }
      return !jobKeys.isEmpty();
    }));
  }

  private interface TimedBody {
    void run(long deadlineNanos);
  }

  private static Phase timed(AtomicLong counter, Duration bound, TimedBody body) {
    Duration cpuBefore = Machine.processCpu();
    long start = System.nanoTime();
    body.run(start + bound.toNanos());
    long elapsed = System.nanoTime() - start;
    Duration cpu = Machine.processCpu().minus(cpuBefore);
    return new Phase(counter.get(), Duration.ofNanos(elapsed), cpu);
  }
}
