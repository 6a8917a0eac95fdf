package org.camunda4j.engine.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRangeTest {

  private static long at(String instant) {
    return KeyRange.lastKeyBeforeStartAt(Instant.parse(instant).toEpochMilli());
  }

  @Test
  void anEngineStartedOneMillisecondLaterStartsAThousandAndTwentyFourKeysHigher() {
    long first = at("2026-12-02T03:00:00.000Z");
    long later = at("2026-12-02T03:00:00.001Z");

    assertThat(later - first).isEqualTo(1024);
  }

  @Test
  void keysStayInPartitionOneForDecadesAndFitAJavaScriptSafeInteger() {
    long now = at("2026-12-02T03:00:00Z");
    long in2090 = at("2090-01-01T00:00:00Z");

    assertThat(KeyRange.isPartitionOneKey(now + 1)).isTrue();
    assertThat(KeyRange.isPartitionOneKey(in2090 + 1)).isTrue();
    assertThat(in2090).isLessThan(1L << 53);
  }

  @Test
  void aClockBeyondTheKeyRangeIsRefusedRatherThanWrappingIntoAnotherPartition() {
    assertThatThrownBy(() -> at("2100-01-01T00:00:00Z")).hasMessageContaining("past the key range of partition 1");
  }
}
