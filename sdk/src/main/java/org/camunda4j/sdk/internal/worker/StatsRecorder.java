package org.camunda4j.sdk.internal.worker;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.camunda4j.sdk.WorkerStats;

/** The counters behind {@link WorkerStats}. */
final class StatsRecorder {
  final LongAdder polls = new LongAdder();
  final LongAdder pollErrors = new LongAdder();
  final LongAdder activated = new LongAdder();
  final LongAdder completed = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder errored = new LongAdder();
  final LongAdder expired = new LongAdder();
  final LongAdder handedBack = new LongAdder();
  final LongAdder ackNotFound = new LongAdder();
  final LongAdder ackFailed = new LongAdder();
  final LongAdder handled = new LongAdder();
  final LongAdder handlerNanos = new LongAdder();
  final LongAdder started = new LongAdder();
  final LongAdder queueNanos = new LongAdder();
  final LongAdder lockExtensions = new LongAdder();
  final LongAdder ackRetries = new LongAdder();
  final LongAdder ackAnswerLost = new LongAdder();
  final LongAdder ackClusterReplaced = new LongAdder();

  WorkerStats snapshot(int inFlight, int consecutivePollErrors, Duration pollBackoff, int backpressureLimit) {
    return new WorkerStats(polls.sum(), pollErrors.sum(), activated.sum(), completed.sum(), failed.sum(),
        errored.sum(), expired.sum(), handedBack.sum(), ackNotFound.sum(), ackFailed.sum(), inFlight, handled.sum(),
        Duration.ofNanos(handlerNanos.sum()), started.sum(), Duration.ofNanos(queueNanos.sum()), lockExtensions.sum(),
        consecutivePollErrors, ackRetries.sum(), ackAnswerLost.sum(), pollBackoff, backpressureLimit,
        ackClusterReplaced.sum());
  }
}
