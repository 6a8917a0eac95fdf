package org.camunda4j.sdk;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A raw activation for {@link CamundaClient#activateJobs}; workers build their own.
 *
 * @param timeout the lock the jobs get
 * @param requestTimeout long-poll time; zero = server default, negative = answer at once
 * @param tenantIds {@code null} = the client's {@code CAMUNDA_TENANT_IDS}, if any
 */
public record JobActivationRequest(
    String type,
    int maxJobsToActivate,
    Duration timeout,
    @Nullable String worker,
    @Nullable List<String> fetchVariable,
    Duration requestTimeout,
    @Nullable List<String> tenantIds) {

  public JobActivationRequest {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("job activation needs a job type");
    }
    if (maxJobsToActivate < 1) {
      throw new IllegalArgumentException("maxJobsToActivate must be >= 1, was " + maxJobsToActivate);
    }
    if (timeout == null || timeout.toMillis() < 1) {
      throw new IllegalArgumentException("timeout must be at least 1 ms, was " + timeout);
    }
  }

  public static JobActivationRequest of(String type, int maxJobs, Duration timeout) {
    return new JobActivationRequest(type, maxJobs, timeout, null, null, Duration.ofMillis(-1), null);
  }
}
