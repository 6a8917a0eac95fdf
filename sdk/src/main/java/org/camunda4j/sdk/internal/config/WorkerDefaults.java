package org.camunda4j.sdk.internal.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The client-level worker defaults ({@code CAMUNDA_WORKER_*}), already merged from the constructor
 * map, the environment and the built-in defaults. {@code jobTimeout} has no built-in default.
 */
public record WorkerDefaults(
    Optional<Duration> jobTimeout,
    Duration requestTimeout,
    int maxConcurrentJobs,
    String workerName,
    Duration startupJitterMax) {

  public static final int DEFAULT_MAX_CONCURRENT_JOBS = 10;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ZERO;
}
