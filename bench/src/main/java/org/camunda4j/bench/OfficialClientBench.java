package org.camunda4j.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same no-op worker written with the official Java client (io.camunda:camunda-client-java 8.9,
 * REST, no streaming), against the same kind of engine and feeder as {@link WorkersBench}: the
 * side-by-side figure. Run once per execution-thread count, because the client's default of one
 * thread serialises the blocking {@code send().join()} of every completion.
 */
final class OfficialClientBench {

  static final String NAME = "official-client";
  static final Set<String> OPTIONS = Set.of("seconds", "warmup", "warmup-round", "backlog", "max-jobs", "execution-threads");
  static final String USAGE = NAME + " [--seconds S] [--warmup W] [--warmup-round R] [--backlog B] [--max-jobs M]"
      + " [--execution-threads T[,T...]]\n"
      + "    the same no-op worker with camunda-client-java 8.9 over REST (maxJobsActive M), once per\n"
      + "    numJobWorkerExecutionThreads T (default 1,32: the client's default and one thread per job slot),\n"
      + "    after an untimed round of R s per row, as in 'bench workers'";

  record Options(WorkerHarness.Settings settings, List<Integer> executionThreads, int warmupRoundSeconds) {

    static Options parse(BenchArgs args) {
      List<Integer> threads;
      try {
        threads = Arrays.stream(args.stringValue("execution-threads", "1,32").split(","))
            .map(String::trim).map(Integer::parseInt).toList();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--execution-threads must be whole numbers separated by commas");
      }
      if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
        throw new IllegalArgumentException("--execution-threads must be at least 1");
      }
      return new Options(new WorkerHarness.Settings(args.intValue("seconds", 5, 1), args.intValue("warmup", 2, 0),
          args.intValue("backlog", 1_000, 1), args.intValue("max-jobs", 32, 1)), threads,
          args.intValue("warmup-round", 5, 0));
    }

    String commandLine() {
      return "bin/camunda4j bench " + NAME + " --seconds " + settings.seconds() + " --warmup " + settings.warmupSeconds()
          + " --warmup-round " + warmupRoundSeconds
          + " --backlog " + settings.backlog() + " --max-jobs " + settings.maxJobs() + " --execution-threads "
          + String.join(",", executionThreads.stream().map(String::valueOf).toList());
    }
  }

  record Row(int executionThreads, WorkerHarness.Measurement measurement) {}

  record Result(Machine.Start machine, Options options, List<Row> rows) {

    void print(PrintStream out) {
      out.println("== " + NAME + ": the same no-op worker with camunda-client-java 8.9 (REST, polling) ==");
      out.println(Machine.description(machine));
      ResultTable table = new ResultTable("official client", "jobs", "seconds", "jobs/s", "JVM CPU ms / 1k jobs",
          "min backlog");
      for (Row row : rows) {
        WorkerHarness.Measurement m = row.measurement();
        table.row(row.executionThreads() + " execution thread" + (row.executionThreads() == 1 ? "" : "s"), m.jobs(),
            String.format("%.1f", m.elapsed().toNanos() / 1e9), ResultTable.rate(m.jobsPerSecond()),
            ResultTable.millis(m.jvmCpuMillisPerThousand()), m.minBacklog());
      }
      table.print(out);
      out.println("- worker: maxJobsActive " + options.settings().maxJobs() + ", job timeout 60 s, handler"
          + " client.newCompleteCommand(job).send().join(), REST polling (no streaming)");
      out.println("- JVM CPU covers engine + feeder + worker (one JVM), measured as in 'bench workers',"
          + " whose rows (and RAW reference) this table sits next to");
      out.println("reproduce: " + options.commandLine());
    }
  }

  private OfficialClientBench() {}

  static Result run(Options options) {
    Machine.Start machine = Machine.start();
    WorkerHarness.Settings settings = options.settings();
    WorkerHarness.warmUp(settings, options.warmupRoundSeconds(), options.executionThreads(),
        threads -> address -> OfficialWorker.start(address, threads, settings.maxJobs()));
    List<Row> rows = new ArrayList<>();
    for (int threads : options.executionThreads()) {
      WorkerHarness.Measurement m =
          WorkerHarness.measure(settings, address -> OfficialWorker.start(address, threads, settings.maxJobs()));
      rows.add(new Row(threads, m));
    }
    return new Result(machine, options, rows);
  }

  /** The official client and one worker whose handler completes the job and waits for the answer. */
  private record OfficialWorker(CamundaClient client, JobWorker worker, AtomicLong completed) implements WorkerUnderTest {

    static OfficialWorker start(URI restAddress, int executionThreads, int maxJobs) {
      CamundaClient client = CamundaClient.newClientBuilder()
          .restAddress(restAddress)
          .preferRestOverGrpc(true)
          .numJobWorkerExecutionThreads(executionThreads)
          .build();
      AtomicLong completed = new AtomicLong();
      try {
        JobWorker worker = client.newWorker()
            .jobType(BenchProcess.JOB_TYPE)
            .handler((jobClient, job) -> {
              jobClient.newCompleteCommand(job).send().join();
              completed.incrementAndGet();
            })
            .maxJobsActive(maxJobs)
            .timeout(Duration.ofSeconds(60))
            .name("bench-official")
            .open();
        return new OfficialWorker(client, worker, completed);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
    }

    @Override
    public long completedJobs() {
      return completed.get();
    }

    @Override
    public void close() {
      try {
        worker.close();
        awaitHandlersIdle();
      } finally {
        client.close();
      }
    }

    /**
     * The official worker's close stops polling but does not wait for running handlers, and closing
     * the client then interrupts them mid-join (a logged stack trace each). Wait, bounded, until the
     * completion count stops moving.
     */
    private void awaitHandlersIdle() {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      long last = -1;
      while (System.nanoTime() < deadline && completed.get() != last) {
        last = completed.get();
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
