package org.camunda4j.sdk.internal.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adaptive concurrency limit (AIMD) for gated calls, the same rules as the Camunda SDK family: start
 * unlimited; the first backpressure signal caps concurrency at 16; each further signal scales it by
 * 0.7 (0.5 once three arrive in a row, "severe"), floor 1; at the floor while severe, each acquire
 * first waits 25 ms doubling to 2 s. Successes recover at most once a second: severity steps down
 * after 2 s without signals, the cap grows by 1 (up to 16) while stressed and by ×1.5 while healthy,
 * and after 30 s healthy it is unlimited again. Only job activation is gated; acknowledgements never
 * wait here, because finishing work is what relieves the cluster.
 */
public final class BackpressureGate {

  private static final Logger LOG = LoggerFactory.getLogger(BackpressureGate.class);
  static final int INITIAL_CAP = 16;
  private static final long SECOND = 1_000_000_000L;

  private final LongSupplier nanoClock;
  private final ScheduledExecutorService scheduler;
  private final Deque<CompletableFuture<Void>> waiters = new ArrayDeque<>();

  private Integer cap; // null = unlimited
  private int inUse;
  private int consecutiveSignals;
  private boolean severe;
  private long lastSignalAt;
  private long lastRecoveryAt;
  private long healthySince;
  private long floorDelayMillis;

  public BackpressureGate(LongSupplier nanoClock, ScheduledExecutorService scheduler) {
    this.nanoClock = nanoClock;
    this.scheduler = scheduler;
  }

  /** Completes when a permit is held; the caller must {@link #release()} exactly once. */
  public CompletableFuture<Void> acquire() {
    long delay;
    CompletableFuture<Void> permit = new CompletableFuture<>();
    synchronized (this) {
      delay = floorDelayMillis;
      if (delay == 0) {
        if (cap == null || inUse < cap) {
          inUse++;
          permit.complete(null);
        } else {
          waiters.add(permit);
        }
        return permit;
      }
    }
    // Severe at the floor: pause before even queueing, so the cluster gets breathing room.
    scheduler.schedule(() -> {
      synchronized (this) {
        if (cap == null || inUse < cap) {
          inUse++;
          if (!permit.complete(null)) {
            inUse--; // the caller gave up while waiting
          }
        } else {
          waiters.add(permit);
        }
      }
    }, delay, TimeUnit.MILLISECONDS);
    return permit;
  }

  public void release() {
    CompletableFuture<Void> next = null;
    synchronized (this) {
      inUse = Math.max(0, inUse - 1);
      while (!waiters.isEmpty() && (cap == null || inUse < cap)) {
        CompletableFuture<Void> candidate = waiters.poll();
        if (!candidate.isDone()) {
          inUse++;
          next = candidate;
          break;
        }
      }
    }
    if (next != null) {
      next.complete(null);
    }
  }

  /** A 429 / RESOURCE_EXHAUSTED answer. */
  public void onBackpressure() {
    synchronized (this) {
      long now = nanoClock.getAsLong();
      consecutiveSignals++;
      lastSignalAt = now;
      healthySince = 0;
      boolean wasUnlimited = cap == null;
      if (cap == null) {
        cap = INITIAL_CAP;
      } else {
        severe = consecutiveSignals >= 3;
        double factor = severe ? 0.5 : 0.7;
        cap = Math.max(1, (int) Math.ceil(cap * factor));
      }
      if (cap == 1 && severe) {
        floorDelayMillis = floorDelayMillis == 0 ? 25 : Math.min(2000, floorDelayMillis * 2);
      }
      if (wasUnlimited) {
        LOG.info("Backpressure from the cluster: limiting concurrent gated calls to {}", cap);
      } else {
        LOG.debug("Backpressure again: limit {} (severe={}, floor delay {} ms)", cap, severe, floorDelayMillis);
      }
    }
  }

  /** A successful gated call: recover passively, at most once per second. */
  public void onSuccess() {
    synchronized (this) {
      consecutiveSignals = 0;
      floorDelayMillis = 0;
      if (cap == null) {
        return;
      }
      long now = nanoClock.getAsLong();
      if (now - lastRecoveryAt < SECOND) {
        return;
      }
      lastRecoveryAt = now;
      if (severe && now - lastSignalAt >= 2 * SECOND) {
        severe = false;
      }
      boolean healthy = !severe && now - lastSignalAt >= 2 * SECOND;
      if (!healthy) {
        cap = Math.min(INITIAL_CAP, cap + 1);
        healthySince = 0;
        return;
      }
      if (healthySince == 0) {
        healthySince = now;
      }
      if (now - healthySince >= 30 * SECOND) {
        cap = null;
        LOG.info("Cluster healthy for 30 s: gated calls unlimited again");
      } else {
        cap = (int) Math.ceil(cap * 1.5);
      }
    }
    admitWaiters();
  }

  /** Wakes the waiters that fit under a raised cap. */
  private void admitWaiters() {
    while (true) {
      CompletableFuture<Void> next = null;
      synchronized (this) {
        if (!waiters.isEmpty() && (cap == null || inUse < cap)) {
          next = waiters.poll();
          if (!next.isDone()) {
            inUse++;
          } else {
            continue;
          }
        }
      }
      if (next == null) {
        return;
      }
      next.complete(null);
    }
  }

  /** The current limit, or {@code null} when unlimited. */
  public synchronized Integer limit() {
    return cap;
  }

  public synchronized Duration floorDelay() {
    return Duration.ofMillis(floorDelayMillis);
  }

  public synchronized boolean isSevere() {
    return severe;
  }
}
