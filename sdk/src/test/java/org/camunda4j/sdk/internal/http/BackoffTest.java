package org.camunda4j.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static Backoff withRandom(double r, Backoff.Jitter jitter) {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), jitter, () -> r);
  }

  @Test
  void theCapDoublesPerAttemptUpToTheMaximum() {
    Backoff backoff = withRandom(0.5, Backoff.Jitter.EQUAL);

    assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.cap(5)).isEqualTo(Duration.ofMillis(1600));
    assertThat(backoff.cap(8)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.cap(1000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void equalJitterStaysBetweenHalfTheCapAndTheCap() {
    assertThat(withRandom(0.0, Backoff.Jitter.EQUAL).delay(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(withRandom(0.999_999, Backoff.Jitter.EQUAL).delay(3)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
  }

  @Test
  void fullJitterSpreadsFromZeroToTheCap() {
    assertThat(withRandom(0.0, Backoff.Jitter.FULL).delay(3)).isZero();
    assertThat(withRandom(0.5, Backoff.Jitter.FULL).delay(3)).isEqualTo(Duration.ofMillis(200));
  }
}
