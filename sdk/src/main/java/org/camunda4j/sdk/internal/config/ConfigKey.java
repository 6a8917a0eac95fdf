package org.camunda4j.sdk.internal.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every configuration key the SDK reads, with its aliases. The first name is the canonical one. */
public enum ConfigKey {
  REST_ADDRESS("CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS"),
  AUTH_STRATEGY("CAMUNDA_AUTH_STRATEGY"),
  BASIC_AUTH_USERNAME("CAMUNDA_BASIC_AUTH_USERNAME"),
  BASIC_AUTH_PASSWORD("CAMUNDA_BASIC_AUTH_PASSWORD"),
  CLIENT_ID("CAMUNDA_CLIENT_ID", "CAMUNDA_CLIENT_AUTH_CLIENTID"),
  CLIENT_SECRET("CAMUNDA_CLIENT_SECRET", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET"),
  OAUTH_URL("CAMUNDA_OAUTH_URL"),
  TOKEN_AUDIENCE("CAMUNDA_TOKEN_AUDIENCE"),
  OAUTH_SCOPE("CAMUNDA_OAUTH_SCOPE"),
  MTLS_CA_PATH("CAMUNDA_MTLS_CA_PATH", "CAMUNDA_CA_CERTIFICATE_PATH"),
  MTLS_CA("CAMUNDA_MTLS_CA"),
  MTLS_CERT_PATH("CAMUNDA_MTLS_CERT_PATH"),
  MTLS_CERT("CAMUNDA_MTLS_CERT"),
  MTLS_KEY_PATH("CAMUNDA_MTLS_KEY_PATH"),
  MTLS_KEY("CAMUNDA_MTLS_KEY"),
  TENANT_ID("CAMUNDA_TENANT_ID"),
  TENANT_IDS("CAMUNDA_TENANT_IDS"),
  WORKER_TIMEOUT("CAMUNDA_WORKER_TIMEOUT"),
  WORKER_MAX_CONCURRENT_JOBS("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS"),
  WORKER_REQUEST_TIMEOUT("CAMUNDA_WORKER_REQUEST_TIMEOUT"),
  WORKER_NAME("CAMUNDA_WORKER_NAME"),
  WORKER_STARTUP_JITTER_MAX_SECONDS("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS");

  private final List<String> names;

  ConfigKey(String... names) {
    this.names = List.of(names);
  }

  public String canonicalName() {
    return names.get(0);
  }

  public List<String> names() {
    return names;
  }

  public static Optional<ConfigKey> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.names.contains(name)).findFirst();
  }
}
