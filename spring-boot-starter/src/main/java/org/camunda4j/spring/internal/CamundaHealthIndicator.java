package org.camunda4j.spring.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.WorkerStats;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code camunda} health component. DOWN when the engine does not answer a topology request within
 * {@link #ENGINE_TIMEOUT}, or when a started worker stopped polling. Backpressure from the engine keeps
 * it UP (the engine is busy, not broken; restarting the application would not help) and shows in the
 * worker's details, with its in-flight jobs, consecutive poll errors and current poll backoff.
 */
public final class CamundaHealthIndicator implements HealthIndicator {

  static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(3);

  private final CamundaAsyncClient client;
  private final JobWorkerRegistrar registrar;

  public CamundaHealthIndicator(CamundaAsyncClient client, JobWorkerRegistrar registrar) {
    this.client = client;
    this.registrar = registrar;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    try {
      var topology = client.topology().get(ENGINE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      health.withDetail("engine", Map.of("reachable", true, "version", String.valueOf(topology.gatewayVersion())));
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String reason = e instanceof java.util.concurrent.TimeoutException
          ? "no answer within " + ENGINE_TIMEOUT
          : String.valueOf((e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
              ? e.getCause() : e).getMessage());
      health.down().withDetail("engine", Map.of("reachable", false, "error", reason));
    }
    Map<String, Object> workers = new LinkedHashMap<>();
    for (JobWorker worker : registrar.workers()) {
      WorkerStats stats = worker.stats();
      if (!worker.isRunning()) {
        health.down();
      }
      workers.put(worker.jobType(), Map.of(
          "polling", worker.isRunning(),
          "backpressure", stats.backpressureLimit() > 0,
          "inFlight", stats.inFlight(),
          "consecutivePollErrors", stats.consecutivePollErrors(),
          "pollBackoff", stats.pollBackoff().toString()));
    }
    return health.withDetail("workers", workers).build();
  }
}
