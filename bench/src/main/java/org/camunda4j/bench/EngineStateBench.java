package org.camunda4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;

/**
 * What the engine's state costs: (1) the restart of a durable engine holding N open one-task
 * instances, after a clean stop (which leaves a snapshot of the whole state) and after a SIGKILL of
 * the engine in a child JVM (the newest periodic snapshot and the events after it), and (2) the
 * live heap of an in-memory and of a durable engine while M one-task instances run to their end
 * with a count limit on the ended ones kept, sampled after a full GC at every step: with retention
 * and snapshots it stays flat. Each phase also reports the create-instance latency (p99 and the
 * slowest), where a snapshot that made commands wait would show.
 */
final class EngineStateBench {

  static final String NAME = "engine-state";
  static final Set<String> OPTIONS = Set.of("open", "ended", "max-instances", "steps");
  static final String USAGE = NAME + " [--open 100000] [--ended 0] [--max-instances 10000] [--steps 5]\n"
      + "    restart time of a durable engine (log in a fresh temp directory) holding N open one-task instances,\n"
      + "    after a clean stop and after a SIGKILL of the engine (run as a child JVM to be killed); then, in memory\n"
      + "    and durable, M one-task instances run to their end keeping at most K ended ones: live heap after\n"
      + "    a full GC at each of the steps (the engine runs in this JVM, so the load generator's heap is included)";

  private static final int IN_FLIGHT = 128;

  record Options(int open, int ended, int maxInstances, int steps) {

    static Options parse(BenchArgs args) {
      return new Options(args.intValue("open", 100_000, 0), args.intValue("ended", 0, 0),
          args.intValue("max-instances", 10_000, 0), args.intValue("steps", 5, 1));
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --open " + open + " --ended " + ended + " --max-instances " + maxInstances
          + " --steps " + steps;
    }
  }

  record HeapSample(long ended, double liveHeapMb) {}

  /** One restart: how long the open instances took to create (and each create's latency), the data directory's size, the restart until ready. */
  record Restart(double createSeconds, Latency create, long dataBytes, double restartSeconds) {}

  /** Create-instance latency in milliseconds: where commands waiting for a snapshot show. */
  record Latency(double p99, double max) {
    static final Latency NONE = new Latency(0, 0);

    static Latency of(LatencySamples samples) {
      synchronized (samples) {
        return new Latency(samples.percentileMillis(99), samples.maxMillis());
      }
    }

    @Override
    public String toString() {
      return String.format("create p99 %.1f ms, slowest %.0f ms", p99, max);
    }
  }

  record Result(
      Machine.Start machine, Options options, Restart clean, Restart killed, List<HeapSample> heapInMemory, Latency inMemory,
      List<HeapSample> heapDurable, Latency durable) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": restart with open instances, heap with ended ones ==");
      out.println(Machine.description(machine));
      if (options.open() > 0) {
        out.printf("durable engine with %,d open instances, stopped cleanly (created in %.1f s, %s; data %.1f MB): restart until ready %.2f s%n",
            options.open(), clean.createSeconds(), clean.create(), clean.dataBytes() / 1048576.0, clean.restartSeconds());
        out.printf("durable engine with %,d open instances, SIGKILLed (created in %.1f s; data %.1f MB): restart until ready %.2f s%n",
            options.open(), killed.createSeconds(), killed.dataBytes() / 1048576.0, killed.restartSeconds());
      }
      if (!heapInMemory.isEmpty()) {
        ResultTable table = new ResultTable("instances ended", "live heap MB in memory", "live heap MB durable");
        for (int i = 0; i < heapInMemory.size(); i++) {
          table.row(String.format("%,d", heapInMemory.get(i).ended()), String.format("%.1f", heapInMemory.get(i).liveHeapMb()),
              String.format("%.1f", heapDurable.get(i).liveHeapMb()));
        }
        table.print(out);
        out.println("at most " + options.maxInstances() + " ended instances kept (--history-max-instances); in memory " + inMemory
            + "; durable " + durable);
      }
      out.println("reproduce: " + options.commandLine());
    }
  }

  private EngineStateBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    Restart clean = new Restart(0, Latency.NONE, 0, 0);
    Restart killed = new Restart(0, Latency.NONE, 0, 0);
    if (options.open() > 0) {
      clean = restartAfterCleanStop(options.open());
      System.err.printf("  clean stop: restart %.2f s (%s)%n", clean.restartSeconds(), clean.create());
      killed = restartAfterKill(options.open());
      System.err.printf("  SIGKILL: restart %.2f s%n", killed.restartSeconds());
    }
    List<HeapSample> heapInMemory = new ArrayList<>();
    List<HeapSample> heapDurable = new ArrayList<>();
    LatencySamples inMemory = new LatencySamples();
    LatencySamples durable = new LatencySamples();
    if (options.ended() > 0) {
      heapInMemory = heapWhileEnding(EngineConfig.builder().historyMaxInstances(options.maxInstances()).build(), options, inMemory);
      Path dir = tempDirectory();
      heapDurable =
          heapWhileEnding(EngineConfig.builder().dataDirectory(dir).historyMaxInstances(options.maxInstances()).build(), options, durable);
      deleteRecursively(dir);
    }
    return new Result(machine, options, clean, killed, heapInMemory, Latency.of(inMemory), heapDurable, Latency.of(durable));
  }

  /** Runs the instances to their end in an engine of {@code config}: the live heap at each step. */
  private static List<HeapSample> heapWhileEnding(EngineConfig config, Options options, LatencySamples latency) {
    List<HeapSample> heap = new ArrayList<>();
    try (Engine engine = Engine.start(config); RawRest rest = new RawRest(engine.restAddress())) {
      rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
      heap.add(new HeapSample(0, liveHeapMb()));
      long ended = 0;
      for (int step = 1; step <= options.steps(); step++) {
        long target = (long) options.ended() * step / options.steps();
        while (ended < target) {
          int round = (int) Math.min(256, target - ended);
          createInstances(rest, round, latency);
          ended += completeJobs(rest, round);
        }
        heap.add(new HeapSample(ended, liveHeapMb()));
        System.err.printf("  %s: %,d instances ended: live heap %.1f MB%n", config.dataDirectory() == null ? "in memory" : "durable", ended,
            heap.get(heap.size() - 1).liveHeapMb());
      }
    }
    return heap;
  }

  private static Restart restartAfterCleanStop(int open) {
    Path dir = tempDirectory();
    EngineConfig durable = EngineConfig.builder().dataDirectory(dir).build();
    double createSeconds;
    LatencySamples latency = new LatencySamples();
    try (Engine engine = Engine.start(durable); RawRest rest = new RawRest(engine.restAddress())) {
      rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
      long started = System.nanoTime();
      createInstances(rest, open, latency);
      createSeconds = (System.nanoTime() - started) / 1e9;
    }
    return timedRestart(dir, open, createSeconds, Latency.of(latency));
  }

  /** The engine as a child JVM on a fresh directory, killed with SIGKILL once the instances are created; then restarted here. */
  private static Restart restartAfterKill(int open) {
    Path dir = tempDirectory();
    Path log = dir.resolveSibling(dir.getFileName() + "-engine.log");
    ChildJvm child = ChildJvm.start("engine", List.of("--enable-native-access=ALL-UNNAMED"), System.getProperty("java.class.path"),
        "org.camunda4j.engine.EngineMain", List.of("--port", "0", "--data-dir", dir.toString()), log);
    double createSeconds;
    try {
      String ready = child.awaitLine("camunda4j engine ready", Duration.ofMinutes(2));
      java.util.regex.Matcher address = java.util.regex.Pattern.compile("REST API at (\\S+)/v2").matcher(ready);
      if (!address.find()) {
        throw new IllegalStateException("the engine did not say where it listens: " + ready);
      }
      try (RawRest rest = new RawRest(java.net.URI.create(address.group(1)))) {
        rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
        long started = System.nanoTime();
        createInstances(rest, open, new LatencySamples());
        createSeconds = (System.nanoTime() - started) / 1e9;
      }
    } finally {
      child.kill();
    }
    return timedRestart(dir, open, createSeconds, Latency.NONE);
  }

  private static Restart timedRestart(Path dir, int open, double createSeconds, Latency create) {
    long dataBytes = sizeOf(dir);
    long started = System.nanoTime();
    double restartSeconds;
    try (Engine restarted = Engine.start(EngineConfig.builder().dataDirectory(dir).build())) {
      restartSeconds = (System.nanoTime() - started) / 1e9;
      try (RawRest rest = new RawRest(restarted.restAddress())) {
        long active = rest.activeInstances();
        if (active != open) {
          throw new IllegalStateException("the restarted engine holds " + active + " active instances, not the " + open + " created");
        }
      }
    }
    deleteRecursively(dir);
    return new Restart(createSeconds, create, dataBytes, restartSeconds);
  }

  private static void createInstances(RawRest rest, int count, LatencySamples latency) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Long>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquireUninterruptibly();
      long sent = System.nanoTime();
      CompletableFuture<Long> created = rest.createInstanceAsync(BenchProcess.PROCESS_ID);
      created.whenComplete((key, error) -> {
        synchronized (latency) {
          latency.add(System.nanoTime() - sent);
        }
        inFlight.release();
      });
      pending.add(created);
      if (pending.size() >= 10_000) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  /** Activates and completes {@code count} jobs; returns how many were completed. */
  private static long completeJobs(RawRest rest, int count) {
    long completed = 0;
    while (completed < count) {
      List<Long> jobs = rest.activate(BenchProcess.JOB_TYPE, count - (int) completed, 10_000);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (long job : jobs) {
        done.add(rest.completeAsync(job));
      }
      done.forEach(CompletableFuture::join);
      completed += jobs.size();
    }
    return completed;
  }

  private static double liveHeapMb() {
    System.gc();
    System.gc();
    sleep(Duration.ofMillis(200));
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "engine-state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
