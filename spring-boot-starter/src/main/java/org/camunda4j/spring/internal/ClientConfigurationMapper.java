package org.camunda4j.spring.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.spring.CamundaClientProperties;

/**
 * Translates {@code camunda.client.*} into the SDK's {@code CAMUNDA_*} configuration map, so the SDK
 * validates and resolves it exactly as it does its environment; and names the property behind a key
 * when the SDK rejects one.
 */
public final class ClientConfigurationMapper {

  /** Each SDK key and the property it comes from. */
  private static final Map<String, String> PROPERTY_OF_KEY = Map.ofEntries(
      Map.entry("CAMUNDA_REST_ADDRESS", "camunda.client.rest-address"),
      Map.entry("CAMUNDA_AUTH_STRATEGY", "camunda.client.auth.strategy"),
      Map.entry("CAMUNDA_BASIC_AUTH_USERNAME", "camunda.client.auth.username"),
      Map.entry("CAMUNDA_BASIC_AUTH_PASSWORD", "camunda.client.auth.password"),
      Map.entry("CAMUNDA_CLIENT_ID", "camunda.client.auth.client-id"),
      Map.entry("CAMUNDA_CLIENT_SECRET", "camunda.client.auth.client-secret"),
      Map.entry("CAMUNDA_OAUTH_URL", "camunda.client.auth.oauth-url"),
      Map.entry("CAMUNDA_TOKEN_AUDIENCE", "camunda.client.auth.audience"),
      Map.entry("CAMUNDA_OAUTH_SCOPE", "camunda.client.auth.scope"),
      Map.entry("CAMUNDA_MTLS_CA_PATH", "camunda.client.mtls.ca-path"),
      Map.entry("CAMUNDA_MTLS_CA", "camunda.client.mtls.ca"),
      Map.entry("CAMUNDA_MTLS_CERT_PATH", "camunda.client.mtls.cert-path"),
      Map.entry("CAMUNDA_MTLS_CERT", "camunda.client.mtls.cert"),
      Map.entry("CAMUNDA_MTLS_KEY_PATH", "camunda.client.mtls.key-path"),
      Map.entry("CAMUNDA_MTLS_KEY", "camunda.client.mtls.key"),
      Map.entry("CAMUNDA_TENANT_ID", "camunda.client.tenant-id"),
      Map.entry("CAMUNDA_TENANT_IDS", "camunda.client.tenant-ids"),
      Map.entry("CAMUNDA_WORKER_TIMEOUT", "camunda.client.worker.defaults.job-timeout"),
      Map.entry("CAMUNDA_WORKER_REQUEST_TIMEOUT", "camunda.client.worker.defaults.request-timeout"),
      Map.entry("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "camunda.client.worker.defaults.max-concurrent-jobs"),
      Map.entry("CAMUNDA_WORKER_NAME", "camunda.client.worker.defaults.worker-name"),
      Map.entry("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "camunda.client.worker.defaults.startup-jitter-max"));

  private ClientConfigurationMapper() {}

  public static Map<String, String> toConfiguration(CamundaClientProperties properties) {
    Map<String, String> map = new LinkedHashMap<>();
    put(map, "CAMUNDA_REST_ADDRESS", properties.restAddress());
    CamundaClientProperties.Auth auth = properties.auth();
    put(map, "CAMUNDA_AUTH_STRATEGY", auth.strategy());
    put(map, "CAMUNDA_BASIC_AUTH_USERNAME", auth.username());
    put(map, "CAMUNDA_BASIC_AUTH_PASSWORD", auth.password());
    put(map, "CAMUNDA_CLIENT_ID", auth.clientId());
    put(map, "CAMUNDA_CLIENT_SECRET", auth.clientSecret());
    put(map, "CAMUNDA_OAUTH_URL", auth.oauthUrl());
    put(map, "CAMUNDA_TOKEN_AUDIENCE", auth.audience());
    put(map, "CAMUNDA_OAUTH_SCOPE", auth.scope());
    CamundaClientProperties.Mtls mtls = properties.mtls();
    put(map, "CAMUNDA_MTLS_CA_PATH", mtls.caPath());
    put(map, "CAMUNDA_MTLS_CA", mtls.ca());
    put(map, "CAMUNDA_MTLS_CERT_PATH", mtls.certPath());
    put(map, "CAMUNDA_MTLS_CERT", mtls.cert());
    put(map, "CAMUNDA_MTLS_KEY_PATH", mtls.keyPath());
    put(map, "CAMUNDA_MTLS_KEY", mtls.key());
    put(map, "CAMUNDA_TENANT_ID", properties.tenantId());
    List<String> tenants = properties.tenantIds();
    put(map, "CAMUNDA_TENANT_IDS", tenants == null || tenants.isEmpty() ? null : String.join(",", tenants));
    CamundaClientProperties.WorkerDefaults defaults = properties.worker().defaults();
    put(map, "CAMUNDA_WORKER_TIMEOUT", millis(defaults.jobTimeout()));
    put(map, "CAMUNDA_WORKER_REQUEST_TIMEOUT", millis(defaults.requestTimeout()));
    put(map, "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", defaults.maxConcurrentJobs());
    put(map, "CAMUNDA_WORKER_NAME", defaults.workerName());
    put(map, "CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", seconds(defaults.startupJitterMax()));
    return map;
  }

  /**
   * The property to fix for a rejected {@code CAMUNDA_*} key: the one it came from, or the one to set
   * when it is missing; the key itself when the SDK read it from the environment.
   */
  public static String propertyOf(String key, Map<String, String> configuration, Map<String, String> environment) {
    boolean fromEnvironment = !configuration.containsKey(key) && environment.containsKey(key);
    return fromEnvironment ? key : PROPERTY_OF_KEY.getOrDefault(key, key);
  }

  private static void put(Map<String, String> map, String key, Object value) {
    if (value != null) {
      map.put(key, value.toString());
    }
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  private static String seconds(Duration duration) {
    return duration == null ? null : BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
