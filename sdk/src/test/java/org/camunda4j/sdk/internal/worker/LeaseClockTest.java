package org.camunda4j.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A job's local lease ends when the cluster's lock does, whatever the two clocks say. */
class LeaseClockTest {

  private static final long TIMEOUT = 60_000;
  private static final long MS = 1_000_000L;
  private final LeaseClock clock = new LeaseClock();

  @Test
  void aPromptAnswerGetsTheWholeLockCountedFromItsArrival() {
    long wall = 1_700_000_000_000L;

    assertThat(clock.leaseEnd(wall + TIMEOUT, TIMEOUT, 5_000 * MS, wall)).isEqualTo(5_000 * MS + TIMEOUT * MS);
  }

  @Test
  void anAnswerThatArrivedLateLosesTheTimeItSpentOnTheWay() {
    long wall = 1_700_000_000_000L;
    clock.leaseEnd(wall + TIMEOUT, TIMEOUT, 0, wall); // a prompt answer teaches the clocks agree

    // Activated at wall + 10 s, delivered 2.5 s later: 57.5 s of the lock are left on arrival.
    long activated = wall + 10_000;
    long arrived = activated + 2_500;
    long arrivedNanos = 12_500 * MS;

    assertThat(clock.leaseEnd(activated + TIMEOUT, TIMEOUT, arrivedNanos, arrived))
        .isEqualTo(arrivedNanos + 57_500 * MS);
  }

  @Test
  void aClusterWhoseClockIsAheadOrBehindOursIsCorrectedFor() {
    long ours = 1_700_000_000_000L;
    for (long skew : new long[] {-3_600_000, 90_000}) {
      LeaseClock skewed = new LeaseClock();
      skewed.leaseEnd(ours + skew + TIMEOUT, TIMEOUT, 0, ours); // prompt: learns the skew

      long arrived = ours + 1_000;
      long activatedOnTheirClock = arrived - 400 + skew; // 400 ms on the way
      assertThat(skewed.leaseEnd(activatedOnTheirClock + TIMEOUT, TIMEOUT, 1_000 * MS, arrived))
          .as("skew %d ms", skew)
          .isEqualTo(1_000 * MS + (TIMEOUT - 400) * MS);
    }
  }

  @Test
  void aClusterWhoseClockWentBackIsLearntAgainRatherThanEveryJobLookingExpired() {
    long wall = 1_700_000_000_000L;
    clock.leaseEnd(wall + 3_600_000 + TIMEOUT, TIMEOUT, 0, wall); // a test engine an hour ahead

    // Restarted, its clock back to ours: the first job must still get its whole lock.
    assertThat(clock.leaseEnd(wall + 1_000 + TIMEOUT, TIMEOUT, 1_000 * MS, wall + 1_000))
        .isEqualTo(1_000 * MS + TIMEOUT * MS);
  }

  @Test
  void withoutADeadlineTheLockCountsFromArrival() {
    assertThat(clock.leaseEnd(0, TIMEOUT, 7 * MS, 1_700_000_000_000L)).isEqualTo(7 * MS + TIMEOUT * MS);
  }
}
