package org.camunda4j.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda4j.cli.Suggestions;

/**
 * Entry point of {@code bin/camunda4j bench <name> [options]}. Each benchmark runs a bounded time
 * against an in-process engine on loopback and prints one result table with the exact command that
 * reproduces it.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs the benchmark named by {@code args[0]}; returns the process exit code (2 = usage error). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("help")) {
      (args.isEmpty() ? err : out).print(usage());
      return args.isEmpty() ? 2 : 0;
    }
    String name = args.getFirst();
    List<String> options = args.subList(1, args.size());
    String usage = USAGES.get(name);
    if (usage == null) {
      err.println("unknown benchmark '" + name + "'" + Suggestions.didYouMean(name, USAGES.keySet()));
      err.print(usage());
      return 2;
    }
    if (options.contains("--help") || options.contains("-h")) {
      out.println("usage: bin/camunda4j bench " + usage);
      return 0;
    }
    Runnable benchmark;
    try {
      benchmark = parse(name, options, out);
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      err.print(usage());
      return 2;
    }
    if (benchmark == null) {
      err.println("unknown benchmark '" + name + "'");
      err.print(usage());
      return 2;
    }
    benchmark.run();
    return 0;
  }

  /** Parses the options of benchmark {@code name} (throwing on bad ones); null if there is no such benchmark. */
  private static Runnable parse(String name, List<String> options, PrintStream out) {
    return switch (name) {
      case CrossProcessBench.NAME -> {
        var parsed = CrossProcessBench.Options.parse(BenchArgs.parse(options, CrossProcessBench.OPTIONS));
        yield () -> CrossProcessBench.run(parsed).print(out);
      }
      case JfrSummary.NAME -> {
        var parsed = JfrSummary.Options.parse(BenchArgs.parse(options, JfrSummary.OPTIONS));
        yield () -> JfrSummary.run(parsed, out);
      }
      case EngineThroughputBench.NAME -> {
        var parsed = EngineThroughputBench.Options.parse(BenchArgs.parse(options, EngineThroughputBench.OPTIONS));
        yield () -> EngineThroughputBench.run(parsed).print(out);
      }
      case LongPollLatencyBench.NAME -> {
        var parsed = LongPollLatencyBench.Options.parse(BenchArgs.parse(options, LongPollLatencyBench.OPTIONS));
        yield () -> LongPollLatencyBench.run(parsed).print(out);
      }
      case WorkersBench.NAME -> {
        var parsed = WorkersBench.Options.parse(BenchArgs.parse(options, WorkersBench.OPTIONS));
        yield () -> WorkersBench.run(parsed).print(out);
      }
      case OfficialClientBench.NAME -> {
        var parsed = OfficialClientBench.Options.parse(BenchArgs.parse(options, OfficialClientBench.OPTIONS));
        yield () -> OfficialClientBench.run(parsed).print(out);
      }
      case EngineStartBench.NAME -> {
        var parsed = EngineStartBench.Options.parse(BenchArgs.parse(options, EngineStartBench.OPTIONS));
        yield () -> EngineStartBench.run(parsed).print(out);
      }
      case EngineStateBench.NAME -> {
        var parsed = EngineStateBench.Options.parse(BenchArgs.parse(options, EngineStateBench.OPTIONS));
        yield () -> EngineStateBench.run(parsed).print(out);
      }
      default -> null;
    };
  }

  /** Each benchmark's usage line, by name. */
  private static final Map<String, String> USAGES = Map.of(
      CrossProcessBench.NAME, CrossProcessBench.USAGE,
      JfrSummary.NAME, JfrSummary.USAGE,
      EngineThroughputBench.NAME, EngineThroughputBench.USAGE,
      LongPollLatencyBench.NAME, LongPollLatencyBench.USAGE,
      WorkersBench.NAME, WorkersBench.USAGE,
      OfficialClientBench.NAME, OfficialClientBench.USAGE,
      EngineStartBench.NAME, EngineStartBench.USAGE,
      EngineStateBench.NAME, EngineStateBench.USAGE);

  /** The names {@link #run} accepts. */
  static java.util.Set<String> names() {
    return USAGES.keySet();
  }

  static String usage() {
    return "usage: bin/camunda4j bench <name> [options]\n\n"
        + "the headline (engine, feeder and each worker in separate JVMs):\n"
        + "  " + CrossProcessBench.USAGE + "\n\n"
        + "in-JVM benchmarks (each bounded in time, loopback only, engine in-process):\n"
        + "  " + EngineThroughputBench.USAGE + "\n"
        + "  " + LongPollLatencyBench.USAGE + "\n"
        + "  " + WorkersBench.USAGE + "\n"
        + "  " + OfficialClientBench.USAGE + "\n"
        + "  " + EngineStartBench.USAGE + "\n"
        + "  " + EngineStateBench.USAGE + "\n\n"
        + "tools:\n"
        + "  " + JfrSummary.USAGE + "\n\n"
        + "Figures from a shared or busy machine are lower bounds; see docs/benchmarks.md.\n";
  }
}
