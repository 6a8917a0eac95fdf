package org.camunda4j.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the numbers were measured on, and the CPU this JVM (and its child JVMs) used. */
final class Machine {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Machine() {}

  /** When a run started and how busy the machine was then. */
  record Start(Instant at, double loadAverage) {}

  /** Call when a benchmark starts; pass the result to {@link #description(Start)} when it prints. */
  static Start start() {
    return new Start(Instant.now().truncatedTo(ChronoUnit.SECONDS), OS.getSystemLoadAverage());
  }

  /** One paragraph printed above every result table: when, on what, and how busy (1-minute load, start → end). */
  static String description(Start start) {
    int cores = Runtime.getRuntime().availableProcessors();
    double endLoad = OS.getSystemLoadAverage();
    boolean busy = Math.max(start.loadAverage(), endLoad) > cores;
    return "measured " + start.at() + " on " + cores + " cores"
        + (endLoad >= 0 ? String.format(", load average %.1f -> %.1f", start.loadAverage(), endLoad) : "")
        + ", Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")\n"
        + "engine, load generator and clients share this JVM and these cores"
        + (busy ? "; the machine was busier than its core count, so read the figures as lower bounds" : "")
        + ".";
  }

  /** CPU time this JVM has used so far (all threads, user + system). */
  static Duration processCpu() {
    return Duration.ofNanos(OS.getProcessCpuTime());
  }

  /**
   * CPU time used so far by this JVM's live descendants (the PROCESS strategy's child JVMs), which
   * {@link #processCpu()} does not see. Children that already exited are not counted.
   */
  static Duration childrenCpu() {
    return ProcessHandle.current().descendants()
        .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }
}
