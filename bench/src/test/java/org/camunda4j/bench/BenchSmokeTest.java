package org.camunda4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every benchmark for about a second and checks that it measured something and printed its
 * table and reproduce line. Deliberately no thresholds on the figures: timing goals belong to the
 * benchmarks, and this machine's load is not under the test's control.
 */
class BenchSmokeTest {

  @Test
  @Timeout(300) // an engine JVM and two worker JVMs: slow on a busy machine
  void crossProcessMeasuresOurWorkerAndTheOfficialClientInTheirOwnJvms(@org.junit.jupiter.api.io.TempDir java.nio.file.Path docs)
      throws Exception {
    java.nio.file.Files.writeString(docs.resolve("benchmarks.md"),
        "before\n<!-- smoke:begin (written by bench cross-process --write-docs) -->\nold\n<!-- smoke:end -->\nafter\n");
    var result = CrossProcessBench.run(CrossProcessBench.Options.parse(args(CrossProcessBench.OPTIONS, "--seconds", "1",
        "--warmup", "0", "--rounds", "1", "--backlog", "100", "--workers", "VIRTUAL,official-4", "--latency-samples", "2",
        "--engine-warmup", "0", "--write-docs", docs.toString(), "--docs-section", "smoke")));

    assertThat(result.rows()).extracting(CrossProcessBench.Row::worker).containsExactly("VIRTUAL", "official-4");
    assertThat(result.rows()).allSatisfy(row -> {
      assertThat(row.jobsPerSecond()).isPositive();
      assertThat(row.cpuMillisPer1k()).isPositive();
      assertThat(row.liveHeapMb()).isPositive();
      assertThat(row.latencySamples()).isEqualTo(2);
      assertThat(row.idleLatencyP50Millis()).isPositive();
    });
    assertThat(printed(result::print)).contains("reproduce: bin/camunda4j bench cross-process --seconds 1");
    assertThat(java.nio.file.Files.readString(docs.resolve("benchmarks.md")))
        .startsWith("before\n").endsWith("<!-- smoke:end -->\nafter\n").doesNotContain("old").contains("| VIRTUAL ");
    assertThat(docs.resolve("bench/smoke.json")).exists();
    assertThat(java.nio.file.Files.readString(docs.resolve("bench/smoke-jobs.svg"))).startsWith("<svg").contains("official-4");
  }

  @Test
  @Timeout(120)
  void engineThroughputReportsPositiveRates() {
    var result = EngineThroughputBench.run(EngineThroughputBench.Options.parse(
        args(EngineThroughputBench.OPTIONS, "--seconds", "1", "--instances", "200", "--concurrency", "2", "--warmup", "0")));

    assertThat(result.creations().perSecond()).isPositive();
    assertThat(result.jobs().perSecond()).isPositive();
    assertThat(printed(result::print)).contains("reproduce: bin/camunda4j bench engine-throughput --seconds 1");
  }

  @Test
  @Timeout(120)
  void longPollLatencyReportsPercentiles() {
    var result = LongPollLatencyBench.run(LongPollLatencyBench.Options.parse(
        args(LongPollLatencyBench.OPTIONS, "--samples", "10", "--warmup", "1")));

    assertThat(result.wakeUp().count()).isEqualTo(10);
    assertThat(result.wakeUp().percentileMillis(50)).isPositive();
    assertThat(result.samplesPerSecond()).isPositive();
    assertThat(printed(result::print)).contains("p99").contains("reproduce: bin/camunda4j bench long-poll-latency");
  }

  @Test
  @Timeout(300) // four engines, and PROCESS starts child JVMs: slow on a busy machine
  void everyWorkerStrategyCompletesJobs() {
    var result = WorkersBench.run(WorkersBench.Options.parse(
        args(WorkersBench.OPTIONS, "--seconds", "1", "--warmup", "0", "--warmup-round", "1", "--backlog", "200")));

    assertThat(result.rows()).extracting(WorkersBench.Row::strategy).containsExactlyElementsOf(WorkersBench.ALL);
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.measurement().jobsPerSecond()).isPositive());
    assertThat(printed(result::print)).contains("reproduce: bin/camunda4j bench workers --seconds 1 --strategy all");
  }

  @Test
  @Timeout(180) // a child JVM per cold sample
  void engineStartTimesAFreshJvmAndLaterStarts() {
    var result = EngineStartBench.run(EngineStartBench.Options.parse(args(EngineStartBench.OPTIONS, "--cold", "1", "--warm", "2")));

    assertThat(result.cold().count()).isEqualTo(1);
    assertThat(result.warm().count()).isEqualTo(2);
    assertThat(result.cold().percentileMillis(50)).isPositive();
    assertThat(printed(result::print)).contains("reproduce: bin/camunda4j bench engine-start --cold 1 --warm 2");
  }

  @Test
  @Timeout(120)
  void officialClientCompletesJobs() {
    var result = OfficialClientBench.run(OfficialClientBench.Options.parse(
        args(OfficialClientBench.OPTIONS, "--seconds", "1", "--warmup", "0", "--warmup-round", "0", "--backlog", "200", "--execution-threads", "4")));

    assertThat(result.rows()).singleElement()
        .satisfies(row -> assertThat(row.measurement().jobsPerSecond()).isPositive());
    assertThat(printed(result::print)).contains("reproduce: bin/camunda4j bench official-client --seconds 1");
  }

  @Test
  void noOrUnknownArgumentsPrintUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(Bench.run(List.of(), out, errStream)).isEqualTo(2);
    assertThat(Bench.run(List.of("no-such-bench"), out, errStream)).isEqualTo(2);
    assertThat(Bench.run(List.of("workers", "--strategy", "FORK"), out, errStream)).isEqualTo(2);
    assertThat(Bench.run(List.of("engine-throughput", "--secnds", "1"), out, errStream)).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("usage: bin/camunda4j bench <name>")
        .contains("unknown benchmark 'no-such-bench'")
        .contains("--strategy must be one of")
        .contains("unknown option --secnds");
  }

  @Test
  void everyBenchmarkExplainsItselfAndATypoNamesTheNearest() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Bench.names()).contains("cross-process", "engine-throughput", "long-poll-latency", "workers",
        "official-client", "engine-start", "jfr-summary");
    for (String name : Bench.names()) {
      assertThat(Bench.run(List.of(name, "--help"), outStream, errStream)).as(name + " --help").isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: bin/camunda4j bench " + name);
      assertThat(Bench.usage()).as("the usage names only benchmarks that exist").contains("  " + name + " ");
    }
    assertThat(Bench.run(List.of("worker"), outStream, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown benchmark 'worker'; did you mean workers?");
    assertThat(Bench.usage().lines().filter(line -> line.matches("  [a-z-]+ .*")).count())
        .as("the usage names each benchmark once, and nothing else").isEqualTo(Bench.names().size());
  }

  private static BenchArgs args(Set<String> allowed, String... values) {
    return BenchArgs.parse(List.of(values), allowed);
  }

  private static String printed(Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
