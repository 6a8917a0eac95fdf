package org.camunda4j.sdk.internal.worker;

import java.time.Duration;
import java.util.List;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.TenantFilter;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.internal.config.WorkerDefaults;

/** A worker's effective settings: explicit {@link WorkerConfig} value, else client default, else built-in. */
public record WorkerSettings(
    String jobType,
    String workerName,
    Duration jobTimeout,
    Duration requestTimeout,
    int maxConcurrentJobs,
    List<String> fetchVariables,
    List<String> tenantIds,
    Duration startupJitterMax,
    boolean autoExtendLock,
    TenantFilter tenantFilter) {

  public static WorkerSettings resolve(WorkerConfig config, WorkerDefaults defaults, List<String> clientTenantIds,
      Duration startupJitterOverride) {
    Duration jobTimeout = config.jobTimeout() != null
        ? config.jobTimeout()
        : defaults.jobTimeout().orElseThrow(() -> new CamundaConfigurationException("CAMUNDA_WORKER_TIMEOUT",
            "no job timeout for the worker of type '" + config.jobType() + "': set WorkerConfig.withJobTimeout(...)"
                + " or CAMUNDA_WORKER_TIMEOUT (milliseconds) in the client configuration or the environment"));
    if (startupJitterOverride != null && startupJitterOverride.isNegative()) {
      throw new CamundaConfigurationException("startupJitterMax", "must not be negative, was " + startupJitterOverride);
    }
    return new WorkerSettings(
        config.jobType(),
        config.workerName() != null ? config.workerName() : defaults.workerName(),
        jobTimeout,
        config.requestTimeout() != null ? config.requestTimeout() : defaults.requestTimeout(),
        config.maxConcurrentJobs() != null ? config.maxConcurrentJobs() : defaults.maxConcurrentJobs(),
        config.fetchVariables(),
        config.tenantFilter() == TenantFilter.ASSIGNED ? List.of()
            : config.tenantIds() != null ? config.tenantIds() : clientTenantIds,
        startupJitterOverride != null ? startupJitterOverride : defaults.startupJitterMax(),
        Boolean.TRUE.equals(config.autoExtendLock()),
        config.tenantFilter());
  }
}
