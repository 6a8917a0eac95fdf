package org.camunda4j.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.camunda4j.sdk.WorkerStats;

/** The per-worker table printed at the end of a run. */
final class SummaryTable {

  /** One worker's row. {@code p50}/{@code p99} are {@code null} when its handler never ran. */
  record Row(String jobType, String strategy, WorkerStats stats, Duration p50, Duration p99) {}

  private static final String FORMAT = "%-24s %-8s %6s %9s %6s %7s %8s %9s %9s%n";

  private SummaryTable() {}

  static void print(PrintStream out, List<Row> rows, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    out.printf(FORMAT, "worker (job type)", "strategy", "jobs", "completed", "failed", "errored", "jobs/s", "p50", "p99");
    for (Row row : rows) {
      WorkerStats s = row.stats();
      out.printf(Locale.ROOT, FORMAT, row.jobType(), row.strategy(), s.activated(), s.completed(), s.failed(),
          s.errored(), String.format(Locale.ROOT, "%.1f", s.handled() / seconds), millis(row.p50()), millis(row.p99()));
    }
  }

  private static String millis(Duration d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
  }
}
