package org.camunda4j.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.WorkerConfig;

/** A no-op worker of our SDK, once per execution strategy, each against a fresh in-process engine. */
final class WorkersBench {

  static final String NAME = "workers";
  static final Set<String> OPTIONS = Set.of("seconds", "strategy", "warmup", "warmup-round", "backlog", "max-jobs");
  static final String USAGE = NAME + " [--seconds S] [--strategy ASYNC|THREAD|VIRTUAL|PROCESS|RAW|all] [--warmup W]"
      + " [--warmup-round R] [--backlog B] [--max-jobs M]\n"
      + "    a no-op camunda4j worker (maxConcurrentJobs M) per strategy against the in-process engine, fed to keep\n"
      + "    B jobs waiting; first an untimed round of R s per strategy (so the JIT is warm for every row, not only\n"
      + "    the later ones), then measures S s after the first job and W s of warm-up; RAW = a raw REST loop, the baseline";

  /** Not an SDK strategy: the raw REST loop of {@link RawRestWorker}, the floor the strategies are read against. */
  static final String RAW = "RAW";
  static final List<String> ALL = List.of("ASYNC", "THREAD", "VIRTUAL", "PROCESS", RAW);

  /**
   * @param warmupRoundSeconds an untimed run of every strategy before the measured ones: rows run in
   *     one JVM, and without it the first rows are measured while the JIT is still compiling
   */
  record Options(WorkerHarness.Settings settings, List<String> strategies, int warmupRoundSeconds) {

    static Options parse(BenchArgs args) {
      String strategy = args.stringValue("strategy", "all").toUpperCase(Locale.ROOT);
      List<String> strategies;
      if (strategy.equals("ALL")) {
        strategies = ALL;
      } else {
        strategies = Arrays.stream(strategy.split(",")).map(String::trim).toList();
        for (String name : strategies) {
          if (!ALL.contains(name)) {
            throw new IllegalArgumentException("--strategy must be one of " + ALL + " or all, was " + name);
          }
        }
      }
      return new Options(new WorkerHarness.Settings(args.intValue("seconds", 5, 1), args.intValue("warmup", 2, 0),
          args.intValue("backlog", 1_000, 1), args.intValue("max-jobs", 32, 1)), strategies,
          args.intValue("warmup-round", 5, 0));
    }

    String commandLine() {
      String strategy = strategies.equals(ALL) ? "all" : String.join(",", strategies);
      return "bin/camunda4j bench " + NAME + " --seconds " + settings.seconds() + " --strategy " + strategy
          + " --warmup " + settings.warmupSeconds() + " --warmup-round " + warmupRoundSeconds + " --backlog " + settings.backlog()
          + " --max-jobs " + settings.maxJobs();
    }
  }

  record Row(String strategy, WorkerHarness.Measurement measurement) {}

  record Result(Machine.Start machine, Options options, List<Row> rows) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": a no-op camunda4j worker per execution strategy ==");
      out.println(Machine.description(machine));
      ResultTable table = new ResultTable("strategy", "jobs", "seconds", "jobs/s", "JVM CPU ms / 1k jobs",
          "child JVMs CPU ms / 1k jobs", "min backlog");
      for (Row row : rows) {
        WorkerHarness.Measurement m = row.measurement();
        String label = row.strategy().equals(RAW) ? "RAW (no SDK, baseline)" : row.strategy();
        table.row(label, m.jobs(), String.format("%.1f", m.elapsed().toNanos() / 1e9),
            ResultTable.rate(m.jobsPerSecond()), ResultTable.millis(m.jvmCpuMillisPerThousand()),
            row.strategy().equals("PROCESS") ? ResultTable.millis(m.childCpuMillisPerThousand()) : "-",
            m.minBacklog());
      }
      table.print(out);
      int maxJobs = options.settings().maxJobs();
      out.println("- worker: maxConcurrentJobs " + maxJobs + ", job timeout 60 s, the handler returns at once");
      out.println("- JVM CPU covers engine + feeder + worker (one JVM); RAW is the reference without an SDK: one thread"
          + " that long-polls up to " + maxJobs + " jobs and completes them one by one over raw REST (a reference,"
          + " not a floor: fixed costs spread over more jobs at higher rates)");
      out.println("- min backlog 0 would mean the worker may have waited for work (the feeder was the limit)");
      out.println("reproduce: " + options.commandLine());
    }
  }

  private WorkersBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    WorkerHarness.Settings settings = options.settings();
    WorkerHarness.warmUp(settings, options.warmupRoundSeconds(), options.strategies(), s -> worker(s, settings.maxJobs()));
    List<Row> rows = new ArrayList<>();
    for (String strategy : options.strategies()) {
      rows.add(new Row(strategy, WorkerHarness.measure(settings, worker(strategy, settings.maxJobs()))));
    }
    return new Result(machine, options, rows);
  }

  private static Function<URI, WorkerUnderTest> worker(String strategy, int maxJobs) {
    return address -> strategy.equals(RAW) ? new RawRestWorker(address, maxJobs) : SdkWorker.start(address, strategy, maxJobs);
  }

  /** Our SDK's client and one worker with the no-op handler of the strategy. */
  private record SdkWorker(CamundaClient client, JobWorker worker) implements WorkerUnderTest {

    static SdkWorker start(URI restAddress, String strategy, int maxJobs) {
      // An empty environment: a developer's CAMUNDA_* variables must not change what is measured.
      CamundaClient client = CamundaClient.builder().environment(Map.of())
          .configuration("CAMUNDA_REST_ADDRESS", restAddress.toString()).build();
      try {
        WorkerConfig config = WorkerConfig.of(BenchProcess.JOB_TYPE).withJobTimeout(Duration.ofSeconds(60))
            .withMaxConcurrentJobs(maxJobs).withWorkerName("bench-" + strategy.toLowerCase(Locale.ROOT));
        JobWorker worker = switch (strategy) {
          case "ASYNC" -> client.createJobWorker(config, ExecutionStrategy.ASYNC, NoopHandlers::async);
          case "THREAD" -> client.createJobWorker(config, ExecutionStrategy.THREAD, NoopHandlers::blocking);
          case "VIRTUAL" -> client.createJobWorker(config, ExecutionStrategy.VIRTUAL, NoopHandlers::blocking);
          case "PROCESS" -> client.createJobWorker(config, ExecutionStrategy.PROCESS,
              (ProcessJobHandler) NoopHandlers::inChild);
          default -> throw new IllegalArgumentException("unknown strategy " + strategy);
        };
        return new SdkWorker(client, worker);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    }

    @Override
    public long completedJobs() {
      return worker.stats().completed();
    }

    @Override
    public void close() {
      try {
        worker.shutdown(Duration.ofSeconds(10));
      } finally {
        client.close();
      }
    }
  }
}
