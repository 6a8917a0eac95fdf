package org.camunda4j.sdk;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters for job workers (micrometer-core is an optional dependency: add it to use this).
 * Per worker, tagged {@code jobType} and {@code workerName}:
 * <ul>
 *   <li>{@code camunda.worker.jobs} (counter) with tag {@code outcome}: activated, completed, failed,
 *       errored, expired, handed-back, ack-not-found, ack-failed — outcomes count only what the
 *       cluster accepted;</li>
 *   <li>{@code camunda.worker.polls} and {@code camunda.worker.poll.errors} (counters);</li>
 *   <li>{@code camunda.worker.jobs.in.flight} and {@code camunda.worker.jobs.capacity} (gauges);</li>
 *   <li>{@code camunda.worker.queue} (function timer: time from arrival to handler start);</li>
 *   <li>{@code camunda.worker.lock.extensions} (counter);</li>
 *   <li>{@code camunda.worker.handler} (function timer: count and total time in handlers).</li>
 * </ul>
 *
 * <pre>{@code new JobWorkerMetrics(client.workers()).bindTo(registry);}</pre>
 */
public final class JobWorkerMetrics implements MeterBinder {

  private final List<JobWorker> workers;

  public JobWorkerMetrics(List<JobWorker> workers) {
    this.workers = List.copyOf(workers);
  }

  public JobWorkerMetrics(JobWorker... workers) {
    this(List.of(workers));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (JobWorker worker : workers) {
      Tags tags = Tags.of("jobType", worker.jobType(), "workerName", worker.workerName());
      outcome(registry, worker, tags, "activated", WorkerStats::activated);
      outcome(registry, worker, tags, "completed", WorkerStats::completed);
      outcome(registry, worker, tags, "failed", WorkerStats::failed);
      outcome(registry, worker, tags, "errored", WorkerStats::errored);
      outcome(registry, worker, tags, "expired", WorkerStats::expired);
      outcome(registry, worker, tags, "handed-back", WorkerStats::handedBack);
      outcome(registry, worker, tags, "ack-not-found", WorkerStats::ackNotFound);
      outcome(registry, worker, tags, "ack-failed", WorkerStats::ackFailed);
      FunctionCounter.builder("camunda.worker.polls", worker, w -> w.stats().polls())
          .tags(tags).description("Job activation requests answered").register(registry);
      FunctionCounter.builder("camunda.worker.poll.errors", worker, w -> w.stats().pollErrors())
          .tags(tags).description("Job activation requests that failed").register(registry);
      Gauge.builder("camunda.worker.poll.errors.consecutive", worker, w -> w.stats().consecutivePollErrors())
          .tags(tags).description("Failed activations since the last successful one").register(registry);
      Gauge.builder("camunda.worker.jobs.in.flight", worker, w -> w.stats().inFlight())
          .tags(tags).description("Jobs between activation and acknowledgement").register(registry);
      FunctionTimer.builder("camunda.worker.queue", worker, w -> w.stats().started(),
              w -> w.stats().queueTime().toNanos(), TimeUnit.NANOSECONDS)
          .tags(tags).description("Time jobs waited between arrival and handler start").register(registry);
      Gauge.builder("camunda.worker.jobs.capacity", worker, JobWorker::maxConcurrentJobs)
          .tags(tags).description("Jobs the worker runs at once at most").register(registry);
      FunctionCounter.builder("camunda.worker.lock.extensions", worker, w -> w.stats().lockExtensions())
          .tags(tags).description("Locks renewed while handlers ran").register(registry);
      FunctionTimer.builder("camunda.worker.handler", worker, w -> w.stats().handled(),
              w -> w.stats().handlerTime().toNanos(), TimeUnit.NANOSECONDS)
          .tags(tags).description("Time spent in job handlers").register(registry);
    }
  }

  private static void outcome(MeterRegistry registry, JobWorker worker, Tags tags, String outcome,
      ToLongFunction<WorkerStats> counter) {
    FunctionCounter.builder("camunda.worker.jobs", worker, w -> counter.applyAsLong(w.stats()))
        .tags(tags.and("outcome", outcome))
        .description("Jobs by outcome")
        .register(registry);
  }
}
