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

  /** One paragraph printed above every result table. */
  static String description() {
    int cores = Runtime.getRuntime().availableProcessors();
    double load = OS.getSystemLoadAverage();
    return "measured " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + cores + " cores"
        + (load >= 0 ? String.format(", load average %.1f", load) : "")
        + ", Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")\n"
        + "engine, load generator and clients share this JVM and these cores"
        + (load > cores ? "; the machine is busier than its core count, so read the figures as lower bounds" : "")
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
