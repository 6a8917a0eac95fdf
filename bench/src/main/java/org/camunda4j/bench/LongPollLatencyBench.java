package org.camunda4j.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda4j.engine.Engine;

/**
 * How fast a parked long poll is woken: park an activation (requestTimeout 30 s), give it time to
 * reach the engine, then create an instance and time from the start of the create call to the
 * moment the parked activation's answer is received. One sample at a time, so nothing queues.
 */
final class LongPollLatencyBench {

  static final String NAME = "long-poll-latency";
  static final Set<String> OPTIONS = Set.of("samples", "warmup", "park-ms");
  static final String USAGE = NAME + " [--samples N] [--warmup W] [--park-ms P]\n"
      + "    park an activation (requestTimeout 30 s), wait P ms, create an instance; time from the create call's\n"
      + "    start to the parked activation's answer, over N samples after W untimed ones";

  private static final long REQUEST_TIMEOUT_MILLIS = 30_000;
  /** No run may take longer than this, whatever the sample count. */
  private static final Duration RUN_BOUND = Duration.ofMinutes(3);

  record Options(int samples, int warmup, int parkMillis) {

    static Options parse(BenchArgs args) {
      return new Options(args.intValue("samples", 200, 1), args.intValue("warmup", 20, 0),
          args.intValue("park-ms", 50, 1));
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --samples " + samples + " --warmup " + warmup + " --park-ms " + parkMillis;
    }
  }

  record Result(Machine.Start machine, Options options, LatencySamples wakeUp, LatencySamples createCall, Duration elapsed) {

    /** Samples per second of wall time; a liveness figure for the smoke test, not a throughput. */
    double samplesPerSecond() {
      return wakeUp.count() / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    void print(PrintStream out) {
      out.println("== " + NAME + ": create an instance while an activation is parked ==");
      out.println(Machine.description(machine));
      ResultTable table = new ResultTable("latency (ms)", "samples", "p50", "p90", "p99", "max");
      row(table, "create call start -> parked activation answered", wakeUp);
      row(table, "create call round trip (for comparison)", createCall);
      table.print(out);
      out.println("each sample parks a fresh activation (maxJobsToActivate 1, requestTimeout 30 s), waits "
          + options.parkMillis() + " ms, then creates; raw REST over java.net.http, HTTP/1.1");
      out.println("reproduce: " + options.commandLine());
    }

    private static void row(ResultTable table, String label, LatencySamples samples) {
      table.row(label, samples.count(), ResultTable.millis(samples.percentileMillis(50)),
          ResultTable.millis(samples.percentileMillis(90)), ResultTable.millis(samples.percentileMillis(99)),
          ResultTable.millis(samples.maxMillis()));
    }
  }

  /** The parked activation's answer and when this JVM received it. */
  private record Answer(List<Long> jobKeys, long receivedNanos) {}

  private LongPollLatencyBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    long deadline = System.nanoTime() + RUN_BOUND.toNanos();
    try (Engine engine = Engine.start(); RawRest rest = new RawRest(engine.restAddress())) {
      rest.deploy(BenchProcess.RESOURCE, BenchProcess.bpmn());
      LatencySamples discarded = new LatencySamples();
      for (int i = 0; i < options.warmup() && System.nanoTime() < deadline; i++) {
        sample(rest, options, discarded, new LatencySamples());
      }
      LatencySamples wakeUp = new LatencySamples();
      LatencySamples createCall = new LatencySamples();
      long start = System.nanoTime();
      for (int i = 0; i < options.samples() && System.nanoTime() < deadline; i++) {
        sample(rest, options, wakeUp, createCall);
      }
      return new Result(machine, options, wakeUp, createCall, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static void sample(RawRest rest, Options options, LatencySamples wakeUp, LatencySamples createCall) {
    CompletableFuture<Answer> parked = rest.activateAsync(BenchProcess.JOB_TYPE, 1, REQUEST_TIMEOUT_MILLIS)
        .thenApply(keys -> new Answer(keys, System.nanoTime()));
    sleep(options.parkMillis());
    if (parked.isDone()) {
      throw new IllegalStateException("the activation answered before any job existed: " + parked.join()
          + " (is a job left over from an earlier sample?)");
    }
    long createStart = System.nanoTime();
    rest.createInstance(BenchProcess.PROCESS_ID);
    long createEnd = System.nanoTime();
    Answer answer = await(parked);
    if (answer.jobKeys().size() != 1) {
      throw new IllegalStateException("the parked activation answered with " + answer.jobKeys().size()
          + " jobs instead of the one just created");
    }
    wakeUp.add(answer.receivedNanos() - createStart);
    createCall.add(createEnd - createStart);
    rest.complete(answer.jobKeys().getFirst());
  }

  private static Answer await(CompletableFuture<Answer> parked) {
    try {
      return parked.get(REQUEST_TIMEOUT_MILLIS + 10_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the parked activation never answered", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the parked activation failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
