package org.camunda4j.spring.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.camunda4j.sdk.TenantFilter;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.spring.CamundaClientProperties.WorkerDefaults;
import org.camunda4j.spring.CamundaClientProperties.WorkerOverride;
import org.camunda4j.spring.JobWorker;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.PropertyResolver;

/**
 * The {@link WorkerConfig} of one {@code @JobWorker}: each field from the type's override property if
 * set, else the annotation, else {@code camunda.client.worker.defaults.*}; what is still unset the
 * SDK fills from the client's configuration ({@code CAMUNDA_WORKER_*}) and its built-in defaults.
 */
final class WorkerConfigResolver {

  private final PropertyResolver placeholders;
  private final WorkerDefaults defaults;

  WorkerConfigResolver(PropertyResolver placeholders, WorkerDefaults defaults) {
    this.placeholders = placeholders;
    this.defaults = defaults;
  }

  /** The job type: the annotation's (placeholders resolved) or the method's name. */
  static String jobType(PropertyResolver placeholders, JobWorker annotation, String methodName) {
    String type = placeholders.resolveRequiredPlaceholders(annotation.type()).strip();
    return type.isEmpty() ? methodName : type;
  }

  boolean enabled(JobWorker annotation, WorkerOverride override) {
    return override != null && override.enabled() != null ? override.enabled() : annotation.enabled();
  }

  WorkerConfig resolve(JobWorkerMethod method, WorkerOverride given) {
    JobWorker a = method.annotation();
    WorkerOverride o = given != null ? given : new WorkerOverride(null, null, null, null, null, null, null, null, null);
    String where = method.where();
    Duration jobTimeout = first(o.jobTimeout(), duration(a.jobTimeout(), "jobTimeout", where));
    Duration requestTimeout = first(o.requestTimeout(), duration(a.requestTimeout(), "requestTimeout", where));
    Integer maxJobs = first(o.maxConcurrentJobs(), a.maxConcurrentJobs() >= 1 ? a.maxConcurrentJobs() : null);
    List<String> fetch = o.fetchVariables() != null ? o.fetchVariables() : method.fetchVariables();
    String workerName = first(o.workerName(), text(a.workerName()));
    List<String> tenants = first(o.tenantIds(), a.tenantIds().length == 0 ? null
        : List.of(a.tenantIds()).stream().map(placeholders::resolveRequiredPlaceholders).toList());
    Boolean autoExtend = first(o.autoExtendLock(), a.autoExtendLock() ? Boolean.TRUE : null, defaults.autoExtendLock());
    TenantFilter filter = first(o.tenantFilter(), tenantFilter(a.tenantFilter(), where), defaults.tenantFilter());
    return new WorkerConfig(method.jobType(), jobTimeout, requestTimeout, maxJobs, fetch, workerName, tenants,
        Boolean.TRUE.equals(autoExtend) ? Boolean.TRUE : null, filter);
  }

  @SafeVarargs
  private static <T> T first(T... candidates) {
    for (T candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }

  private String text(String raw) {
    String resolved = placeholders.resolveRequiredPlaceholders(raw);
    return resolved.isBlank() ? null : resolved.strip();
  }

  private Duration duration(String raw, String field, String where) {
    return parsed(raw, field, where, DurationStyle::detectAndParse,
        "a duration such as 30s, PT30S or 30000 (milliseconds)");
  }

  private TenantFilter tenantFilter(String raw, String where) {
    return parsed(raw, "tenantFilter", where, v -> TenantFilter.valueOf(v.toUpperCase(Locale.ROOT)), "PROVIDED or ASSIGNED");
  }

  private <T> T parsed(String raw, String field, String where, Function<String, T> parser, String expected) {
    String value = text(raw);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + field + " must be " + expected + ", was '" + value + "'");
    }
  }
}
