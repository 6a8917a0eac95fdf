package org.camunda4j.sdk.internal.worker;

/**
 * Turns the cluster's job deadlines into local lease ends, so that a worker never believes it holds
 * a job longer than the cluster's lock lasts.
 *
 * <p>Counting the lock from the moment the activation's answer arrives gives a lease that is too
 * long by however late the answer came (a slow network, a proxy). Counting it from the moment the
 * activation was sent is wrong for long polls (a job handed out ten seconds into the poll would look
 * ten seconds older than it is). The job's {@code deadline} says exactly when the lock ends, but on
 * the cluster's clock, which need not agree with ours (another machine, or a test engine whose clock
 * was moved).
 *
 * <p>So we learn the difference between the two clocks from the jobs themselves: a job's lock started
 * before its answer reached us, so {@code deadline - timeout - (our wall clock at arrival)} is a lower
 * bound of the cluster's clock minus ours, tight when the answer came fast. The largest bound seen is
 * the estimate. An estimate that would make a fresh job look expired on arrival is stale (the
 * cluster's clock moved back, or a new cluster answers) and is replaced by the new bound. As the
 * estimate is never below the job's own bound, the lease never exceeds arrival plus timeout.
 */
final class LeaseClock {

  private static final long UNKNOWN = Long.MIN_VALUE;

  private long offsetMillis = UNKNOWN; // cluster clock minus ours; guarded by this

  /**
   * The local {@link System#nanoTime()} at which the job's lock ends.
   *
   * @param deadlineMillis the job's deadline, epoch milliseconds on the cluster's clock
   * @param timeoutMillis the lock the activation asked for
   * @param arrivedAtNanos {@link System#nanoTime()} when the answer arrived
   * @param arrivedAtMillis {@link System#currentTimeMillis()} when the answer arrived
   */
  long leaseEnd(long deadlineMillis, long timeoutMillis, long arrivedAtNanos, long arrivedAtMillis) {
    long remainingMillis = timeoutMillis;
    if (deadlineMillis > 0) {
      long offset = learn(deadlineMillis - timeoutMillis - arrivedAtMillis, timeoutMillis);
      remainingMillis = deadlineMillis - offset - arrivedAtMillis;
    }
    return arrivedAtNanos + remainingMillis * 1_000_000L;
  }

  private synchronized long learn(long lowerBound, long timeoutMillis) {
    if (offsetMillis == UNKNOWN || lowerBound > offsetMillis || lowerBound < offsetMillis - timeoutMillis) {
      offsetMillis = lowerBound;
    }
    return offsetMillis;
  }
}
