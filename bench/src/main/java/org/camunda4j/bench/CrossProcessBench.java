package org.camunda4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline benchmark: workers as users deploy them. The engine runs in its own JVM (what
 * {@code bin/camunda4j engine} starts), each worker in another JVM ({@link WorkerProcess}), and the
 * feeder that keeps a backlog of one-task instances runs in this JVM, outside both. Rows are measured
 * one at a time, in rounds (the order reversed every other round), so drift on a shared machine
 * spreads over all rows. Per row: jobs/s, the worker's CPU and context switches per job (from
 * {@code /proc}), the engine's CPU per instance, the worker's live heap after a full GC, and the idle
 * latency from creating an instance to its handler starting while the worker is parked in a long poll.
 */
final class CrossProcessBench {

  static final String NAME = "cross-process";
  static final Set<String> OPTIONS = Set.of("seconds", "jobs", "prefill", "warmup", "rounds", "backlog", "max-jobs", "workers",
      "latency-samples", "engine-warmup", "warmup-rows", "handler-ms", "jfr", "baseline-sdk", "baseline-engine", "write-docs",
      "docs-section", "data-dir");
  static final String DEFAULT_WORKERS = "ASYNC,THREAD,VIRTUAL,official-32,official-1";
  static final String USAGE = NAME + " [--seconds 10] [--jobs N] [--warmup 5] [--rounds 2] [--backlog 1000] [--prefill N]"
      + " [--max-jobs 32]"
      + " [--workers " + DEFAULT_WORKERS + "]\n"
      + "      [--latency-samples 30] [--engine-warmup 10] [--warmup-rows 1] [--handler-ms 0] [--jfr DIR] [--baseline-sdk JAR]"
      + " [--baseline-engine JAR] [--write-docs DOCS_DIR [--docs-section cross-process]] [--data-dir DIR]\n"
      + "    THE HEADLINE: engine in its own JVM, each worker in its own JVM, feeder outside both; per row jobs/s,\n"
      + "    worker CPU and context switches per job (/proc), engine CPU per instance, live heap after full GC,\n"
      + "    idle latency (parked long poll -> handler start), most jobs in flight. --jobs N ends the measured window\n"
      + "    after N jobs (--seconds bounds it); --prefill N creates N instances before the worker starts; --warmup-rows N runs\n"
      + "    the first row N times untimed against each engine before round 1 (engine and feeder warm for row one). A worker is ASYNC|THREAD|VIRTUAL (camunda4j) or\n"
      + "    official-<threads>, optionally with :jdk or :apache (HTTP library under our worker instead of Netty), :refill=<percent\n"
      + "    of capacity free before re-polling>, :baseline (camunda4j from --baseline-sdk), :engine-baseline (against a\n"
      + "    second engine from --baseline-engine, for the engine's before/after in one run). --write-docs writes\n"
      + "    the JSON, the SVG charts and the tables of docs/benchmarks.md. The engine keeps its state in memory, or\n"
      + "    durably under DIR with --data-dir (a new or empty directory); each round prints the feeder's create p99";

  private static final Duration START_BOUND = Duration.ofSeconds(90);
  private static final Duration REPLY_BOUND = Duration.ofSeconds(30);
  private static final Pattern COUNT_REPLY = Pattern.compile("count (\\d+) started (\\d+)");
  private static final Pattern ENGINE_READY = Pattern.compile("REST API at (\\S+)/v2");

  record Options(int seconds, long jobs, int prefill, int warmupSeconds, int rounds, int backlog, int maxJobs, List<String> workers,
      int latencySamples, int engineWarmupSeconds, int warmupRows, int handlerMillis, Path jfrDir, Path baselineSdk,
      Path baselineEngine, Path docsDir, String docsSection, Path dataDir) {

    static Options parse(BenchArgs args) {
      List<String> workers = Arrays.stream(args.stringValue("workers", DEFAULT_WORKERS).split(","))
          .map(String::trim).filter(w -> !w.isEmpty()).toList();
      if (workers.isEmpty()) {
        throw new IllegalArgumentException("--workers needs at least one worker");
      }
      String baseline = args.stringValue("baseline-sdk", null);
      String baselineEngine = args.stringValue("baseline-engine", null);
      for (String worker : workers) {
        WorkerSpec spec = WorkerSpec.parse(worker); // fails early on a typo
        if (spec.baseline() && baseline == null) {
          throw new IllegalArgumentException("worker " + worker + " needs --baseline-sdk JAR");
        }
        if (spec.baselineEngine() && baselineEngine == null) {
          throw new IllegalArgumentException("worker " + worker + " needs --baseline-engine JAR");
        }
      }
      String jfr = args.stringValue("jfr", null);
      String docs = args.stringValue("write-docs", null);
      return new Options(args.intValue("seconds", 10, 1), args.intValue("jobs", 0, 0), args.intValue("prefill", 0, 0),
          args.intValue("warmup", 5, 0), args.intValue("rounds", 2, 1),
          args.intValue("backlog", 1_000, 1), args.intValue("max-jobs", 32, 1), workers,
          args.intValue("latency-samples", 30, 0), args.intValue("engine-warmup", 10, 0), args.intValue("warmup-rows", 1, 0),
          args.intValue("handler-ms", 0, 0), jfr == null ? null : Path.of(jfr),
          baseline == null ? null : Path.of(baseline), baselineEngine == null ? null : Path.of(baselineEngine),
          docs == null ? null : Path.of(docs),
          args.stringValue("docs-section", NAME), dataDir(args.stringValue("data-dir", null)));
    }

    /** A durable engine's directory must be new or empty, so every run starts from the same state. */
    private static Path dataDir(String value) {
      if (value == null) {
        return null;
      }
      Path dir = Path.of(value);
      try (var entries = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--data-dir " + value + " is not empty; give a new or empty directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return dir;
    }

    /** How the engine named {@code engine} keeps its state: the options for {@code EngineMain}. */
    List<String> storageArgs(String engine) {
      return dataDir == null ? List.of("--in-memory") : List.of("--data-dir", dataDir.resolve(engine).toString());
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --seconds " + seconds + (jobs > 0 ? " --jobs " + jobs : "")
          + " --warmup " + warmupSeconds + " --rounds " + rounds + " --backlog " + backlog
          + (prefill > 0 ? " --prefill " + prefill : "") + " --max-jobs " + maxJobs + " --workers " + String.join(",", workers)
          + " --latency-samples " + latencySamples + " --engine-warmup " + engineWarmupSeconds + " --warmup-rows " + warmupRows
          + (handlerMillis > 0 ? " --handler-ms " + handlerMillis : "")
          + (jfrDir != null ? " --jfr " + jfrDir : "") + (baselineSdk != null ? " --baseline-sdk " + baselineSdk : "")
          + (baselineEngine != null ? " --baseline-engine " + baselineEngine : "")
          + (docsDir != null ? " --write-docs " + docsDir + " --docs-section " + docsSection : "")
          + (dataDir != null ? " --data-dir " + dataDir : "");
    }
  }

  /** One worker row: which worker, and the JVM options and class path that make it so. */
  record WorkerSpec(String label, String worker, List<String> jvmOptions, boolean baseline, boolean baselineEngine) {

    static WorkerSpec parse(String label) {
      String[] parts = label.split(":");
      String worker = parts[0];
      if (!Set.of("ASYNC", "THREAD", "VIRTUAL", "PROCESS").contains(worker) && !worker.matches("official-[1-9][0-9]*")) {
        throw new IllegalArgumentException("unknown worker '" + worker + "': ASYNC, THREAD, VIRTUAL, PROCESS or official-<threads>");
      }
      List<String> jvm = new ArrayList<>();
      boolean baseline = false;
      boolean baselineEngine = false;
      for (int i = 1; i < parts.length; i++) {
        String modifier = parts[i];
        if (modifier.equals("engine-baseline")) {
          baselineEngine = true;
          continue;
        }
        if (worker.startsWith("official")) {
          throw new IllegalArgumentException("'" + modifier + "' applies to camunda4j workers only");
        }
        if (modifier.equals("jdk")) {
          jvm.add("-Dcamunda4j.internal.http-exchanger=" + JdkExchanger.class.getName());
        } else if (modifier.equals("apache")) {
          jvm.add("-Dcamunda4j.internal.http-exchanger=" + ApacheExchanger.class.getName());
        } else if (modifier.matches("refill=[0-9]{1,3}")) {
          jvm.add("-Dcamunda4j.internal.refill-percent=" + modifier.substring("refill=".length()));
        } else if (modifier.equals("baseline")) {
          baseline = true;
        } else {
          throw new IllegalArgumentException("unknown modifier '" + modifier + "' in " + label
              + ": jdk, apache, refill=<percent>, baseline or engine-baseline");
        }
      }
      return new WorkerSpec(label, worker, List.copyOf(jvm), baseline, baselineEngine);
    }
  }

  /** One measured window of one row. */
  record Sample(String worker, int round, long jobs, double seconds, double jobsPerSecond, double cpuMillisPer1k,
      double contextSwitchesPerJob, double engineCpuMillisPer1k, double feederCpuMillisPer1k,
      double instancesCreatedPerSecond, long minBacklog,
      double liveHeapAtStartMb, double liveHeapMb, int platformThreads, long maxInFlight,
      List<Double> idleLatencyMillis) {}

  /** A worker's samples summed up: medians over rounds, latency percentiles over all samples. */
  record Row(String worker, double jobsPerSecond, double cpuMillisPer1k, double contextSwitchesPerJob,
      double engineCpuMillisPer1k, double instancesPerSecond, double liveHeapAtStartMb, double liveHeapMb,
      int platformThreads,
      double idleLatencyP50Millis, double idleLatencyP99Millis, int latencySamples, long minBacklog, long maxInFlight) {}

  record Result(String measuredAt, String machine, String command, Options options, List<Row> rows,
      List<Sample> samples) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": engine, workers and feeder in separate JVMs ==");
      out.println(machine);
      toTable(rows).print(out);
      out.println("- each worker: capacity " + options.maxJobs() + ", job timeout 60 s, "
          + (options.handlerMillis() > 0 ? "handler waits " + options.handlerMillis() + " ms" : "no-op handler")
          + ", backlog " + options.backlog() + "; " + options.warmupSeconds() + " s warm-up then " + options.seconds()
          + " s measured, " + options.rounds() + " interleaved round(s); medians over rounds");
      out.println("- CPU, context switches: the worker's JVM from /proc; engine CPU: the engine's JVM, per 1k jobs"
          + " (one-task instances: each completion ends its instance)");
      out.println("reproduce: " + command);
    }
  }

  static ResultTable toTable(List<Row> rows) {
    ResultTable table = new ResultTable("worker", "jobs/s", "CPU ms / 1k jobs", "ctx switches / job",
        "live heap MB", "platform threads", "idle p50 ms", "idle p99 ms", "engine CPU ms / 1k", "instances/s");
    for (Row row : rows) {
      table.row(row.worker(), ResultTable.rate(row.jobsPerSecond()), ResultTable.millis(row.cpuMillisPer1k()),
          String.format("%.2f", row.contextSwitchesPerJob()), String.format("%.1f", row.liveHeapMb()),
          row.platformThreads(), String.format("%.2f", row.idleLatencyP50Millis()),
          String.format("%.2f", row.idleLatencyP99Millis()), ResultTable.millis(row.engineCpuMillisPer1k()),
          ResultTable.rate(row.instancesPerSecond()));
    }
    return table;
  }

  private CrossProcessBench() {}

  /** An engine JVM and where it listens. */
  private record RunningEngine(ChildJvm jvm, URI restAddress) implements AutoCloseable {

    /** Starts {@code EngineMain} on a free port, deploys the bench process and warms the engine up. */
    static RunningEngine start(String name, Options options, String classPath, Path logs) {
      List<String> jvmOptions = new ArrayList<>();
      if (options.jfrDir() != null) {
        // 1 ms Java samples, and CPU-time samples that also see native code (socket writes, wake-ups)
        jvmOptions.add("-XX:StartFlightRecording=filename=" + options.jfrDir().resolve(name + ".jfr")
            + ",settings=profile,method-profiling=max,jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms");
      }
      List<String> args = new ArrayList<>(List.of("--port", "0"));
      args.addAll(options.storageArgs(name));
      ChildJvm jvm = ChildJvm.start(name, jvmOptions, classPath, "org.camunda4j.engine.EngineMain", args,
          logs.resolve(name + ".log"));
      try {
        Matcher ready = ENGINE_READY.matcher(jvm.awaitLine("camunda4j engine ready", START_BOUND));
        if (!ready.find()) {
          throw new IllegalStateException("the engine did not say where it listens");
        }
        URI restAddress = URI.create(ready.group(1));
        try (RawRest rest = new RawRest(restAddress)) {
          rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
          warmUpEngine(rest, options.engineWarmupSeconds());
        }
        return new RunningEngine(jvm, restAddress);
      } catch (RuntimeException e) {
        jvm.terminate();
        throw e;
      }
    }

    @Override
    public void close() {
      jvm.terminate();
    }
  }

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    Path logs = createDirectories(Path.of("target", "bench-logs"));
    if (options.jfrDir() != null) {
      createDirectories(options.jfrDir());
    }
    String classPath = System.getProperty("java.class.path");
    List<WorkerSpec> specs = options.workers().stream().map(WorkerSpec::parse).toList();
    List<Sample> samples = new ArrayList<>();
    try (RunningEngine engine = RunningEngine.start("engine", options, classPath, logs);
        RunningEngine baselineEngine = specs.stream().anyMatch(WorkerSpec::baselineEngine)
            ? RunningEngine.start("engine-baseline", options,
                withBaseline(classPath, options.baselineEngine(), "camunda4j-engine", "engine/target/classes"), logs)
            : null) {
      warmUpRows(options, specs, engine, baselineEngine, classPath, logs);
      for (int round = 1; round <= options.rounds(); round++) {
        List<WorkerSpec> order = new ArrayList<>(specs);
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (WorkerSpec spec : order) {
          samples.add(measure(options, spec, round, spec.baselineEngine() ? baselineEngine : engine, classPath, logs));
        }
      }
    }
    List<Row> rows = options.workers().stream().map(worker -> summarise(worker, samples)).toList();
    Result result = new Result(machine.at().toString(), Machine.description(machine)
        .replace("engine, load generator and clients share this JVM and these cores",
            "engine, feeder and each worker in separate JVMs on these cores"),
        options.commandLine(), options, rows, samples);
    if (options.docsDir() != null) {
      CrossProcessDocs.write(result, options.docsDir(), options.docsSection());
    }
    return result;
  }

  /**
   * Runs the first row against each engine {@code --warmup-rows} times and discards it (round 0). The raw
   * REST warm-up, one call at a time, leaves the engine's and the feeder's concurrent paths cold: without
   * this row, a run's first row saw the engine at two to six times its warm CPU per instance.
   */
  private static void warmUpRows(Options options, List<WorkerSpec> specs, RunningEngine engine,
      RunningEngine baselineEngine, String classPath, Path logs) {
    for (int i = 0; i < options.warmupRows(); i++) {
      WorkerSpec first = specs.getFirst();
      measure(options, first, 0, first.baselineEngine() ? baselineEngine : engine, classPath, logs);
      specs.stream().filter(spec -> spec.baselineEngine() != first.baselineEngine()).findFirst()
          .ifPresent(other -> measure(options, other, 0, other.baselineEngine() ? baselineEngine : engine, classPath, logs));
    }
  }

  /** Creates and completes instances over raw REST for a while, so the engine's JIT is warm before row one. */
  private static void warmUpEngine(RawRest rest, int seconds) {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 32; i++) {
        rest.createInstance(BenchProcess.PROCESS_ID);
      }
      for (long job : rest.activate(BenchProcess.JOB_TYPE, 32, -1)) {
        rest.complete(job);
      }
    }
  }

  private static Sample measure(Options options, WorkerSpec spec, int round, RunningEngine target, String classPath,
      Path logs) {
    ChildJvm engine = target.jvm();
    URI restAddress = target.restAddress();
    List<String> jvm = new ArrayList<>(spec.jvmOptions());
    String fileName = spec.label().replaceAll("[^A-Za-z0-9=-]", "_") + "-r" + round;
    if (options.jfrDir() != null) {
      jvm.add("-XX:StartFlightRecording=filename=" + options.jfrDir().resolve(fileName + ".jfr")
          + ",settings=profile,method-profiling=max,jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms"
          + ",delay=" + options.warmupSeconds() + "s,duration=" + options.seconds() + "s");
    }
    String workerClassPath =
        spec.baseline() ? withBaseline(classPath, options.baselineSdk(), "camunda4j-sdk", "sdk/target/classes") : classPath;
    long prefilled = prefill(restAddress, options.prefill());
    ChildJvm child = ChildJvm.start(spec.label(), jvm, workerClassPath, WorkerProcess.class.getName(),
        List.of(spec.worker(), restAddress.toString(), String.valueOf(options.maxJobs()),
            String.valueOf(options.handlerMillis())), logs.resolve(fileName + ".log"));
    // the feeder's client lives as long as the row, so no connection of a row sits idle through the next ones
    try (RawRest rest = new RawRest(restAddress)) {
      child.awaitLine("ready", START_BOUND);
      AtomicLong completed = new AtomicLong();
      AtomicLong maxInFlight = new AtomicLong();
      CountPoller poller = new CountPoller(child, completed, maxInFlight);
      InstanceFeeder feeder = new InstanceFeeder(rest, options.backlog(),
          Duration.ofSeconds(options.warmupSeconds() + options.seconds() + 120), completed::get, prefilled);
      long minBacklog;
      double heapAtStart;
      ProcStats workerBefore;
      ProcStats workerAfter;
      ProcStats engineBefore;
      ProcStats engineAfter;
      ProcStats feederBefore;
      ProcStats feederAfter;
      long jobsBefore;
      long jobsAfter;
      long createdBefore;
      long createdAfter;
      long startNanos;
      long endNanos;
      double createP99;
      try {
        awaitFirstJob(completed, feeder);
        sleep(Duration.ofSeconds(options.warmupSeconds()));
        feeder.check();
        heapAtStart = liveHeapMb(child);
        startNanos = System.nanoTime();
        jobsBefore = completed.get();
        createdBefore = feeder.created();
        workerBefore = ProcStats.withDescendants(child.pid());
        engineBefore = ProcStats.of(engine.pid());
        feederBefore = ProcStats.of(ProcessHandle.current().pid());
        feeder.startRecording();
        long end = startNanos + Duration.ofSeconds(options.seconds()).toNanos();
        minBacklog = Long.MAX_VALUE;
        while (System.nanoTime() < end && (options.jobs() == 0 || completed.get() - jobsBefore < options.jobs())) {
          sleep(Duration.ofMillis(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000))));
          minBacklog = Math.min(minBacklog, feeder.backlog());
        }
        workerAfter = ProcStats.withDescendants(child.pid());
        engineAfter = ProcStats.of(engine.pid());
        feederAfter = ProcStats.of(ProcessHandle.current().pid());
        endNanos = System.nanoTime();
        jobsAfter = completed.get();
        createdAfter = feeder.created();
        createP99 = feeder.stopRecording();
        feeder.check();
      } finally {
        feeder.close();
      }
      awaitDrained(completed, feeder.created());
      poller.stop();
      Matcher gc = gcReply(child);
      List<Double> latencies = idleLatencies(child, rest, options.latencySamples());
      long jobs = jobsAfter - jobsBefore;
      double seconds = (endNanos - startNanos) / 1e9;
      ProcStats workerCost = workerAfter.minus(workerBefore);
      ProcStats engineCost = engineAfter.minus(engineBefore);
      Sample sample = new Sample(spec.label(), round, jobs, seconds, jobs / seconds,
          workerCost.cpuNanos() / 1e6 / Math.max(1, jobs) * 1000, workerCost.contextSwitches() / (double) Math.max(1, jobs),
          engineCost.cpuNanos() / 1e6 / Math.max(1, jobs) * 1000,
          feederAfter.minus(feederBefore).cpuNanos() / 1e6 / Math.max(1, jobs) * 1000,
          (createdAfter - createdBefore) / seconds, minBacklog,
          heapAtStart, Long.parseLong(gc.group(1)) / 1048576.0, Integer.parseInt(gc.group(2)), maxInFlight.get(),
          latencies);
      System.err.printf("  round %s %-22s %,8.0f jobs/s (%,d jobs)  %6.0f CPU ms/1k  %5.2f ctx/job  heap %.1f -> %.1f MB"
              + "  %d threads  %,d in flight at most  idle p50 %.2f ms  engine %,.0f CPU ms/1k  feeder %,.0f CPU ms/1k"
              + "  create p99 %.1f ms%n",
          round == 0 ? "0 (untimed warm-up, discarded)" : String.valueOf(round), spec.label(), sample.jobsPerSecond(), jobs, sample.cpuMillisPer1k(), sample.contextSwitchesPerJob(),
          heapAtStart, sample.liveHeapMb(), sample.platformThreads(), sample.maxInFlight(), percentile(latencies, 50),
          sample.engineCpuMillisPer1k(), sample.feederCpuMillisPer1k(), createP99);
      return sample;
    } finally {
      child.close();
    }
  }

  /** Creates {@code count} instances, at most 16 at a time, before the worker starts; returns how many. */
  private static long prefill(URI restAddress, int count) {
    try (RawRest rest = new RawRest(restAddress)) {
      java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(16);
      List<java.util.concurrent.CompletableFuture<Long>> calls = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        inFlight.acquireUninterruptibly();
        calls.add(rest.createInstanceAsync(BenchProcess.PROCESS_ID).whenComplete((key, error) -> inFlight.release()));
      }
      calls.forEach(java.util.concurrent.CompletableFuture::join);
      return count;
    }
  }

  /** The worker's answer to "gc": live heap bytes (group 1) and platform threads (group 2). */
  private static Matcher gcReply(ChildJvm child) {
    Matcher gc = Pattern.compile("heap (\\d+) threads (\\d+)").matcher(child.ask("gc", "heap", REPLY_BOUND));
    if (!gc.find()) {
      throw new IllegalStateException("unexpected gc reply from " + child.name());
    }
    return gc;
  }

  private static double liveHeapMb(ChildJvm child) {
    return Long.parseLong(gcReply(child).group(1)) / 1048576.0;
  }

  /** Asks the child for its completed count every few milliseconds, for the feeder; stopped before latency samples. */
  private static final class CountPoller {
    private final Thread thread;
    private volatile boolean running = true;

    CountPoller(ChildJvm child, AtomicLong completed, AtomicLong maxInFlight) {
      this.thread = Thread.ofPlatform().daemon().name("count-" + child.name()).start(() -> {
        while (running) {
          Matcher count = COUNT_REPLY.matcher(child.ask("count", "count ", REPLY_BOUND));
          if (!count.matches()) {
            throw new IllegalStateException("unexpected count reply from " + child.name());
          }
          long done = Long.parseLong(count.group(1));
          completed.set(done);
          maxInFlight.accumulateAndGet(Long.parseLong(count.group(2)) - done, Math::max);
          sleep(Duration.ofMillis(5));
        }
      });
    }

    void stop() {
      running = false;
      try {
        thread.join(REPLY_BOUND.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitFirstJob(AtomicLong completed, InstanceFeeder feeder) {
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (completed.get() == 0) {
      feeder.check();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the worker completed no job within " + START_BOUND.toSeconds() + " s");
      }
      sleep(Duration.ofMillis(10));
    }
  }

  /** Waits until every instance the feeder created has its job completed (bounded), so the worker is idle. */
  private static void awaitDrained(AtomicLong completed, long created) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (completed.get() < created && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(10));
    }
  }

  /**
   * One sample at a time, the worker idle and parked in its long poll: the time from the start of the
   * create call (this JVM) to the handler's start (the worker's JVM), both on the machine's monotonic clock.
   */
  private static List<Double> idleLatencies(ChildJvm child, RawRest rest, int samples) {
    List<Double> millis = new ArrayList<>();
    if (samples == 0) {
      return millis;
    }
    child.tell("trace");
    try {
      for (int i = 0; i < samples; i++) {
        sleep(Duration.ofMillis(60)); // the worker's next long poll is parked by now
        child.clearHandlerStarts();
        long before = System.nanoTime();
        rest.createInstance(BenchProcess.PROCESS_ID);
        Long started = child.nextHandlerStart(Duration.ofSeconds(10));
        if (started == null) {
          throw new IllegalStateException(child.name() + ": no handler started within 10 s of an idle creation");
        }
        millis.add((started - before) / 1e6);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return millis;
  }

  static Row summarise(String worker, List<Sample> samples) {
    List<Sample> mine = samples.stream().filter(s -> s.worker().equals(worker)).toList();
    List<Double> latencies = mine.stream().flatMap(s -> s.idleLatencyMillis().stream()).toList();
    return new Row(worker, median(mine, Sample::jobsPerSecond), median(mine, Sample::cpuMillisPer1k),
        median(mine, Sample::contextSwitchesPerJob), median(mine, Sample::engineCpuMillisPer1k),
        median(mine, Sample::jobsPerSecond), median(mine, Sample::liveHeapAtStartMb), median(mine, Sample::liveHeapMb),
        mine.stream().mapToInt(Sample::platformThreads).max().orElse(0), percentile(latencies, 50),
        percentile(latencies, 99), latencies.size(), mine.stream().mapToLong(Sample::minBacklog).min().orElse(0),
        mine.stream().mapToLong(Sample::maxInFlight).max().orElse(0));
  }

  private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
    double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** The class path with one camunda4j module replaced by {@code jar} (an earlier build, for before/after rows). */
  private static String withBaseline(String classPath, Path jar, String artifact, String classesDir) {
    String separator = java.io.File.pathSeparator;
    List<String> entries = new ArrayList<>();
    for (String entry : classPath.split(separator)) {
      if (!entry.contains(artifact) && !entry.replace('\\', '/').endsWith(classesDir)) {
        entries.add(entry);
      }
    }
    entries.add(jar.toAbsolutePath().toString());
    return String.join(separator, entries);
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static Map<String, Row> byWorker(List<Row> rows) {
    Map<String, Row> map = new LinkedHashMap<>();
    rows.forEach(row -> map.put(row.worker(), row));
    return map;
  }
}
