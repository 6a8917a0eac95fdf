package org.camunda4j.sdk;

import java.time.Duration;

/**
 * A snapshot of one worker's counters. Outcome counters count acknowledgements the cluster
 * accepted; {@code ackNotFound} counts jobs that were already gone (timed out or cancelled) and
 * {@code ackFailed} acknowledgements that were rejected or could not be delivered before the deadline.
 *
 * @param expired jobs whose lock ran out before their handler started, so they were not run
 * @param handedBack jobs given back unstarted (fail with unchanged retries) during shutdown
 * @param handlerTime total time spent in handlers
 * @param started handlers started (the count behind {@code queueTime})
 * @param queueTime total time jobs waited between arrival and the start of their handler
 * @param lockExtensions lock renewals made by {@link WorkerConfig#autoExtendLock()}
 * @param consecutivePollErrors failed activations since the last successful one; a health check can
 *     flag a worker whose value keeps growing (the worker itself keeps retrying with backoff)
 * @param ackRetries acknowledgements sent again after a transport failure or a 5xx
 * @param ackAnswerLost acknowledgements whose answer was lost (connection failed after sending) and
 *     whose retry found the job gone: the first attempt was applied, so these are also counted as
 *     {@code completed}, {@code failed} or {@code errored}, not as {@code ackNotFound}
 * @param pollBackoff how long the worker currently waits between failed activations; zero when healthy
 * @param backpressureLimit the client's current limit on concurrent activations after backpressure
 *     from the cluster; 0 when unlimited
 * @param ackClusterReplaced outcomes dropped because the address answers with another cluster than
 *     the one that handed out the job (another {@code clusterId}: an engine that kept its state in
 *     memory was restarted or replaced): not sent when a broken connection made the worker ask first,
 *     refused by the engine (412) when the job's cluster id sent along did not match
 */
public record WorkerStats(
    long polls,
    long pollErrors,
    long activated,
    long completed,
    long failed,
    long errored,
    long expired,
    long handedBack,
    long ackNotFound,
    long ackFailed,
    int inFlight,
    long handled,
    Duration handlerTime,
    long started,
    Duration queueTime,
    long lockExtensions,
    int consecutivePollErrors,
    long ackRetries,
    long ackAnswerLost,
    Duration pollBackoff,
    int backpressureLimit,
    long ackClusterReplaced) {}
