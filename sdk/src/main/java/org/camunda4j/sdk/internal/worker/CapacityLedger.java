package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one count of a worker's free slots. The poller takes every free slot before it asks for jobs
 * (so it never asks for more than it can run), gives back the ones no job arrived for, and each job
 * gives its slot back exactly once through {@link Slot}.
 */
final class CapacityLedger {

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int free;
  private int overReleases;

  CapacityLedger(int capacity) {
    this.capacity = capacity;
    this.free = capacity;
  }

  /**
   * Waits until at least {@code atLeast} slots are free (capped at the capacity) or the timeout
   * passes, then takes all free slots; 0 on timeout.
   */
  int takeAllFree(int atLeast, long timeout, TimeUnit unit) throws InterruptedException {
    int wanted = Math.max(1, Math.min(atLeast, capacity));
    lock.lock();
    try {
      long remaining = unit.toNanos(timeout);
      while (free < wanted) {
        if (remaining <= 0) {
          return 0;
        }
        remaining = changed.awaitNanos(remaining);
      }
      int taken = free;
      free = 0;
      return taken;
    } finally {
      lock.unlock();
    }
  }

  void release(int slots) {
    if (slots <= 0) {
      return;
    }
    lock.lock();
    try {
      free += slots;
      if (free > capacity) {
        // Would mean a double release; clamp so one bug cannot grow concurrency, and count it for tests.
        overReleases += free - capacity;
        free = capacity;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every slot is back or the timeout passes; true if all are back. */
  boolean awaitAllFree(long timeout, TimeUnit unit) throws InterruptedException {
    lock.lock();
    try {
      long remaining = unit.toNanos(timeout);
      while (free < capacity) {
        if (remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  int inUse() {
    lock.lock();
    try {
      return capacity - free;
    } finally {
      lock.unlock();
    }
  }

  int overReleases() {
    lock.lock();
    try {
      return overReleases;
    } finally {
      lock.unlock();
    }
  }

  int capacity() {
    return capacity;
  }

  /** One taken slot, released at most once whatever path the job takes. */
  final class Slot {
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    void release() {
      if (released.compareAndSet(false, true)) {
        CapacityLedger.this.release(1);
      }
    }
  }

  Slot slot() {
    return new Slot();
  }
}
