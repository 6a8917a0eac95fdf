package org.camunda4j.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and context switches, read from {@code /proc} (Linux): what the process cost
 * the machine, seen from outside, whatever language or library it runs.
 */
record ProcStats(long cpuNanos, long contextSwitches, int threads) {

  /** USER_HZ: the unit of utime and stime in {@code /proc/<pid>/stat}; 100 on every mainstream Linux. */
  private static final long TICK_NANOS = 10_000_000L;

  /** The process and its live descendants (the PROCESS strategy's child JVMs) together. */
  static ProcStats withDescendants(long pid) {
    ProcStats total = of(pid);
    for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(java.util.List.of())) {
      try {
        ProcStats stats = of(child.pid());
        total = new ProcStats(total.cpuNanos + stats.cpuNanos, total.contextSwitches + stats.contextSwitches,
            total.threads + stats.threads);
      } catch (IllegalStateException ended) {
        // the child ended while we read: not counted, as in /proc itself
      }
    }
    return total;
  }

  ProcStats minus(ProcStats earlier) {
    return new ProcStats(cpuNanos - earlier.cpuNanos, contextSwitches - earlier.contextSwitches, threads);
  }

  /**
   * CPU = utime + stime of the process; context switches = voluntary + involuntary, summed over its
   * live threads (Linux keeps them per thread; threads that ended in between are not counted).
   */
  static ProcStats of(long pid) {
    Path proc = Path.of("/proc", String.valueOf(pid));
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
      long switches = 0;
      int threads = 0;
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
        for (Path task : tasks) {
          try {
            for (String line : Files.readAllLines(task.resolve("status"))) {
              if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
              }
            }
            threads++;
          } catch (IOException threadEnded) {
            // the thread ended while we read: skip it
          }
        }
      }
      return new ProcStats(ticks * TICK_NANOS, switches, threads);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc for process " + pid + " (Linux only): " + e, e);
    }
  }
}
