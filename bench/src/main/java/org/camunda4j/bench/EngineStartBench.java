package org.camunda4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;

/**
 * How long {@link Engine#start()} takes until the REST server accepts connections: in a fresh JVM
 * (a child process per sample, so class loading is counted, as a test suite's first engine pays it)
 * and again in a JVM that has started one before (as every later test's engine does).
 */
final class EngineStartBench {

  static final String NAME = "engine-start";
  static final Set<String> OPTIONS = Set.of("cold", "warm");
  static final String USAGE = NAME + " [--cold C] [--warm W]\n"
      + "    time Engine.start() in C fresh child JVMs (first start, class loading included) and W times in this JVM\n"
      + "    after one untimed start";

  /** A child JVM that never reports is killed after this long. */
  private static final long CHILD_BOUND_SECONDS = 120;

  record Options(int cold, int warm) {

    static Options parse(BenchArgs args) {
      return new Options(args.intValue("cold", 5, 1), args.intValue("warm", 20, 1));
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --cold " + cold + " --warm " + warm;
    }
  }

  record Result(Machine.Start machine, Options options, LatencySamples cold, LatencySamples warm) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": Engine.start() until the REST server accepts connections ==");
      out.println(Machine.description(machine));
      ResultTable table = new ResultTable("start (ms)", "samples", "p50", "p90", "max");
      row(table, "first start in a fresh JVM", cold);
      row(table, "later starts in the same JVM", warm);
      table.print(out);
      out.println("reproduce: " + options.commandLine());
    }

    private static void row(ResultTable table, String label, LatencySamples samples) {
      table.row(label, samples.count(), ResultTable.millis(samples.percentileMillis(50)),
          ResultTable.millis(samples.percentileMillis(90)), ResultTable.millis(samples.maxMillis()));
    }
  }

  private EngineStartBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    LatencySamples cold = new LatencySamples();
    for (int i = 0; i < options.cold(); i++) {
      cold.add(startInFreshJvm());
    }
    LatencySamples warm = new LatencySamples();
    Engine.start().close();
    for (int i = 0; i < options.warm(); i++) {
      warm.add(timedStart());
    }
    return new Result(machine, options, cold, warm);
  }

  private static long timedStart() {
    long started = System.nanoTime();
    Engine engine = Engine.start();
    long elapsed = System.nanoTime() - started;
    engine.close();
    return elapsed;
  }

  private static long startInFreshJvm() {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Probe.class.getName());
    try {
      Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine();
        if (!child.waitFor(CHILD_BOUND_SECONDS, TimeUnit.SECONDS) || line == null) {
          child.destroyForcibly();
          throw new IllegalStateException("the child JVM did not report its engine start");
        }
        return Long.parseLong(line.strip());
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The child: one timed first start, printed in nanoseconds. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println(timedStart());
    }
  }
}
