package org.camunda4j.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AIMD rules of the SDK family, driven by a fake clock. */
class BackpressureGateTest {

  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BackpressureGate gate = new BackpressureGate(now::get, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void itStartsUnlimited() {
    for (int i = 0; i < 100; i++) {
      assertThat(gate.acquire()).isCompleted();
    }
    assertThat(gate.limit()).isNull();
  }

  @Test
  void theFirstSignalCapsAt16AndFurtherSignalsShrinkTheCap() {
    gate.onBackpressure();
    assertThat(gate.limit()).isEqualTo(16);
    gate.onBackpressure();
    assertThat(gate.limit()).isEqualTo(12); // ceil(16 × 0.7)
    gate.onBackpressure();
    assertThat(gate.isSevere()).isTrue();
    assertThat(gate.limit()).isEqualTo(6); // three in a row: ceil(12 × 0.5)
  }

  @Test
  void theCapNeverGoesBelowOneAndTheFloorAddsAGrowingPause() {
    for (int i = 0; i < 20; i++) {
      gate.onBackpressure();
    }
    assertThat(gate.limit()).isEqualTo(1);
    assertThat(gate.floorDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void callersOverTheCapWaitForARelease() throws Exception {
    gate.onBackpressure();
    for (int i = 0; i < 16; i++) {
      assertThat(gate.acquire()).isCompleted();
    }
    CompletableFuture<Void> waiting = gate.acquire();
    assertThat(waiting).isNotDone();

    gate.release();

    waiting.get(5, TimeUnit.SECONDS);
  }

  @Test
  void successesRecoverStepByStepAndFinallyUnlimited() {
    gate.onBackpressure();
    gate.onBackpressure();
    assertThat(gate.limit()).isEqualTo(12);

    now.addAndGet(SECOND);
    gate.onSuccess(); // stressed (signal < 2 s ago): +1
    assertThat(gate.limit()).isEqualTo(13);
    gate.onSuccess(); // at most once per second
    assertThat(gate.limit()).isEqualTo(13);

    now.addAndGet(2 * SECOND);
    gate.onSuccess(); // healthy: × 1.5
    assertThat(gate.limit()).isEqualTo(20);

    now.addAndGet(31 * SECOND);
    gate.onSuccess(); // 30 s healthy: unlimited
    assertThat(gate.limit()).isNull();
  }

  @Test
  void aSuccessClearsTheFloorPause() {
    for (int i = 0; i < 10; i++) {
      gate.onBackpressure();
    }
    assertThat(gate.floorDelay()).isPositive();

    gate.onSuccess();

    assertThat(gate.floorDelay()).isZero();
  }
}
