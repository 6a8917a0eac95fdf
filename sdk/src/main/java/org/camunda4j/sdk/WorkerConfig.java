package org.camunda4j.sdk;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a worker polls for and how. Every {@code null} field inherits: explicit value here, then the
 * client's configuration map or environment ({@code CAMUNDA_WORKER_*}), then the built-in default.
 *
 * <pre>{@code WorkerConfig.of("payment-service").withJobTimeout(Duration.ofSeconds(30))}</pre>
 *
 * @param jobType the service task type (required)
 * @param jobTimeout the lock each job gets; {@code CAMUNDA_WORKER_TIMEOUT}; required somewhere
 * @param requestTimeout long-poll time; zero = server default, negative = no long polling;
 *     {@code CAMUNDA_WORKER_REQUEST_TIMEOUT}, default 0
 * @param maxConcurrentJobs jobs running at once; {@code CAMUNDA_WORKER_MAX_CONCURRENT_JOBS}, default 10
 * @param fetchVariables variable names to fetch; {@code null} = all
 * @param workerName recorded on each job; {@code CAMUNDA_WORKER_NAME}, default {@code camunda4j-<host>-<pid>}
 * @param tenantIds tenants to poll; {@code null} = {@code CAMUNDA_TENANT_IDS}/{@code CAMUNDA_TENANT_ID}, else none sent
 * @param autoExtendLock while a handler runs, renew its lock ({@code PATCH /jobs/{key}}, timeout = jobTimeout)
 *     whenever a third of it is left, so long jobs of unpredictable length are not timed out and handed
 *     to another worker; {@code null} = off
 * @param tenantFilter PROVIDED (the tenant ids above) or ASSIGNED (the client's own tenants, 8.9);
 *     {@code null} = not sent, which the cluster treats as PROVIDED
 */
public record WorkerConfig(
    String jobType,
    @Nullable Duration jobTimeout,
    @Nullable Duration requestTimeout,
    @Nullable Integer maxConcurrentJobs,
    @Nullable List<String> fetchVariables,
    @Nullable String workerName,
    @Nullable List<String> tenantIds,
    @Nullable Boolean autoExtendLock,
    @Nullable TenantFilter tenantFilter) {

  public WorkerConfig {
    if (jobType == null || jobType.isBlank()) {
      throw new CamundaConfigurationException("jobType", "a worker needs a non-blank job type");
    }
    if (jobTimeout != null && jobTimeout.toMillis() < 1) {
      throw new CamundaConfigurationException("jobTimeout", "must be at least 1 ms, was " + jobTimeout);
    }
    if (maxConcurrentJobs != null && maxConcurrentJobs < 1) {
      throw new CamundaConfigurationException("maxConcurrentJobs", "must be at least 1, was " + maxConcurrentJobs);
    }
    if (workerName != null && workerName.isBlank()) {
      throw new CamundaConfigurationException("workerName", "must not be blank");
    }
    if (tenantFilter == TenantFilter.ASSIGNED && tenantIds != null) {
      throw new CamundaConfigurationException("tenantFilter",
          "ASSIGNED polls the tenants the client is assigned to; remove tenantIds or use PROVIDED");
    }
    fetchVariables = fetchVariables == null ? null : List.copyOf(fetchVariables);
    tenantIds = tenantIds == null ? null : List.copyOf(tenantIds);
  }

  /** A config for this job type with every other field inherited. */
  public static WorkerConfig of(String jobType) {
    return new WorkerConfig(jobType, null, null, null, null, null, null, null, null);
  }

  public WorkerConfig withJobTimeout(Duration timeout) {
    return new WorkerConfig(jobType, timeout, requestTimeout, maxConcurrentJobs, fetchVariables, workerName, tenantIds, autoExtendLock, tenantFilter);
  }

  public WorkerConfig withRequestTimeout(Duration timeout) {
    return new WorkerConfig(jobType, jobTimeout, timeout, maxConcurrentJobs, fetchVariables, workerName, tenantIds, autoExtendLock, tenantFilter);
  }

  public WorkerConfig withMaxConcurrentJobs(int max) {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, max, fetchVariables, workerName, tenantIds, autoExtendLock, tenantFilter);
  }

  public WorkerConfig withFetchVariables(List<String> names) {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, maxConcurrentJobs, names, workerName, tenantIds, autoExtendLock, tenantFilter);
  }

  public WorkerConfig withWorkerName(String name) {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, maxConcurrentJobs, fetchVariables, name, tenantIds, autoExtendLock, tenantFilter);
  }

  public WorkerConfig withTenantIds(List<String> tenants) {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, maxConcurrentJobs, fetchVariables, workerName, tenants,
        autoExtendLock, tenantFilter);
  }

  public WorkerConfig withAutoExtendLock() {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, maxConcurrentJobs, fetchVariables, workerName, tenantIds,
        true, tenantFilter);
  }

  public WorkerConfig withTenantFilter(TenantFilter filter) {
    return new WorkerConfig(jobType, jobTimeout, requestTimeout, maxConcurrentJobs, fetchVariables, workerName, tenantIds,
        autoExtendLock, filter);
  }
}
