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
 * instances (the whole log replayed), and (2) the live heap of an in-memory engine while M
 * one-task instances run to their end with a count limit on the ended ones kept, sampled after a
 * full GC at every step: with retention on it stays flat.
 */
final class EngineStateBench {

  static final String NAME = "engine-state";
  static final Set<String> OPTIONS = Set.of("open", "ended", "max-instances", "steps");
  static final String USAGE = NAME + " [--open 100000] [--ended 0] [--max-instances 10000] [--steps 5]\n"
      + "    restart time of a durable engine (log in a fresh temp directory) holding N open one-task instances;\n"
      + "    then, in memory, M one-task instances run to their end keeping at most K ended ones: live heap after\n"
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

  record Result(Machine.Start machine, Options options, double createSeconds, long logBytes, double restartSeconds,
      List<HeapSample> heap) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": restart with open instances, heap with ended ones ==");
      out.println(Machine.description(machine));
      if (options.open() > 0) {
        out.printf("durable engine with %,d open instances (created in %.1f s; log %.1f MB): restart until ready %.2f s%n",
            options.open(), createSeconds, logBytes / 1048576.0, restartSeconds);
      }
      if (!heap.isEmpty()) {
        ResultTable table = new ResultTable("instances ended", "live heap MB");
        heap.forEach(sample -> table.row(String.format("%,d", sample.ended()), String.format("%.1f", sample.liveHeapMb())));
        table.print(out);
        out.println("in memory, at most " + options.maxInstances() + " ended instances kept (--history-max-instances)");
      }
      out.println("reproduce: " + options.commandLine());
    }
  }

  private EngineStateBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    double createSeconds = 0;
    long logBytes = 0;
    double restartSeconds = 0;
    if (options.open() > 0) {
      Path dir = tempDirectory();
      EngineConfig durable = EngineConfig.builder().dataDirectory(dir).build();
      try (Engine engine = Engine.start(durable); RawRest rest = new RawRest(engine.restAddress())) {
        rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
        long started = System.nanoTime();
        createInstances(rest, options.open());
        createSeconds = (System.nanoTime() - started) / 1e9;
      }
      logBytes = sizeOf(dir);
      long started = System.nanoTime();
      try (Engine restarted = Engine.start(durable)) {
        restartSeconds = (System.nanoTime() - started) / 1e9;
      }
      deleteRecursively(dir);
    }
    List<HeapSample> heap = new ArrayList<>();
    if (options.ended() > 0) {
      EngineConfig inMemory = EngineConfig.builder().historyMaxInstances(options.maxInstances()).build();
      try (Engine engine = Engine.start(inMemory); RawRest rest = new RawRest(engine.restAddress())) {
        rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
        heap.add(new HeapSample(0, liveHeapMb()));
        long ended = 0;
        for (int step = 1; step <= options.steps(); step++) {
          long target = (long) options.ended() * step / options.steps();
          while (ended < target) {
            int round = (int) Math.min(256, target - ended);
            createInstances(rest, round);
            ended += completeJobs(rest, round);
          }
          heap.add(new HeapSample(ended, liveHeapMb()));
          System.err.printf("  %,d instances ended: live heap %.1f MB%n", ended, heap.get(heap.size() - 1).liveHeapMb());
        }
      }
    }
    return new Result(machine, options, createSeconds, logBytes, restartSeconds, heap);
  }

  private static void createInstances(RawRest rest, int count) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Long>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquireUninterruptibly();
      CompletableFuture<Long> created = rest.createInstanceAsync(BenchProcess.PROCESS_ID);
      created.whenComplete((key, error) -> inFlight.release());
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
