package org.camunda4j.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their nearest-rank percentiles. */
final class LatencySamples {

  private long[] nanos = new long[64];
  private int count;

  void add(long sampleNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = sampleNanos;
  }

  int count() {
    return count;
  }

  /** The nearest-rank percentile {@code p} (0 < p ≤ 100), in milliseconds. */
  double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  double maxMillis() {
    return percentileMillis(100);
  }
}
