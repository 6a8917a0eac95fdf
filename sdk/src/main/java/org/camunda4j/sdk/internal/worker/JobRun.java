package org.camunda4j.sdk.internal.worker;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.internal.json.Wire;

/** One activated job on its way through a worker: from arrival to acknowledgement. */
final class JobRun {

  enum State { QUEUED, RUNNING, DONE }

  /** What to do when a strategy is about to start the handler. */
  enum StartDecision { RUN, EXPIRED, HAND_BACK }

  private final ActivatedJob job;
  private final CapacityLedger.Slot slot;
  private final JobLogger log;
  private final DefaultJobWorker worker;
  private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
  private final AtomicBoolean acknowledgedByHandler = new AtomicBoolean();
  private volatile long leaseDeadlineNanos;
  private final long arrivedAtNanos;
  private final String clusterId;
  private final long confirmedAtLosses;
  /** The job's pending lock renewal, if any; cancelled when the job ends so nothing keeps the job reachable. */
  private volatile ScheduledFuture<?> timer;
  private boolean overrunReported; // touched by the worker's overrun check only

  /**
   * @param leaseDeadlineNanos when the cluster's lock on the job ends, on {@link System#nanoTime()}
   * @param cluster which cluster answered at the address when the job came, as far as known
   */
  JobRun(ActivatedJob job, CapacityLedger.Slot slot, JobLogger log, DefaultJobWorker worker, long leaseDeadlineNanos,
      ClusterIdentity.Known cluster) {
    this.job = job;
    this.slot = slot;
    this.log = log;
    this.worker = worker;
    this.leaseDeadlineNanos = leaseDeadlineNanos;
    this.arrivedAtNanos = System.nanoTime();
    this.clusterId = cluster.clusterId();
    this.confirmedAtLosses = cluster.confirmedAtLosses();
  }

  long confirmedAtLosses() {
    return confirmedAtLosses;
  }

  String clusterId() {
    return clusterId;
  }

  ActivatedJob job() {
    return job;
  }

  JobLogger log() {
    return log;
  }

  CapacityLedger.Slot slot() {
    return slot;
  }

  DefaultJobWorker worker() {
    return worker;
  }

  State state() {
    return state.get();
  }

  long leaseDeadlineNanos() {
    return leaseDeadlineNanos;
  }

  long remainingNanos() {
    return leaseDeadlineNanos - System.nanoTime();
  }

  void extendLease(long newDeadlineNanos) {
    leaseDeadlineNanos = newDeadlineNanos;
  }

  /** Called by a strategy right before it would run the handler; only RUN may run it. */
  StartDecision tryStart() {
    if (worker.isStopping()) {
      return state.compareAndSet(State.QUEUED, State.DONE) ? StartDecision.HAND_BACK : StartDecision.EXPIRED;
    }
    if (remainingNanos() <= 0) {
      state.set(State.DONE);
      return StartDecision.EXPIRED;
    }
    if (!state.compareAndSet(State.QUEUED, State.RUNNING)) {
      return StartDecision.HAND_BACK;
    }
    worker.handlerStarting(this);
    return StartDecision.RUN;
  }

  long arrivedAtNanos() {
    return arrivedAtNanos;
  }

  /** Used by the shutdown path to claim a job that no strategy has started yet. */
  boolean claimUnstarted() {
    return state.compareAndSet(State.QUEUED, State.DONE);
  }

  void finished() {
    state.set(State.DONE);
    ScheduledFuture<?> pending = timer;
    if (pending != null) {
      pending.cancel(false);
      timer = null;
    }
  }

  /** Sets the job's next timer; cancels it at once if the job has already ended (a race with {@link #finished()}). */
  void timer(ScheduledFuture<?> next) {
    timer = next;
    if (state.get() == State.DONE) {
      next.cancel(false);
      timer = null;
    }
  }

  /** True the first time it is called for a job whose handler outlives its lock. */
  boolean reportOverrunOnce() {
    if (overrunReported || state.get() != State.RUNNING || remainingNanos() > 0) {
      return false;
    }
    overrunReported = true;
    return true;
  }

  void markAcknowledgedByHandler() {
    acknowledgedByHandler.set(true);
  }

  boolean acknowledgedByHandler() {
    return acknowledgedByHandler.get();
  }

  Ack decisionAck(StartDecision decision) {
    return switch (decision) {
      case EXPIRED -> new Ack.Expired();
      case HAND_BACK -> handBack();
      case RUN -> throw new IllegalStateException("RUN has no acknowledgement of its own");
    };
  }

  Ack handBack() {
    return new Ack.HandBack(new Wire.FailJob(job.retries(),
        "handed back unstarted: worker '" + worker.workerName() + "' is shutting down", 0L, null));
  }
}
