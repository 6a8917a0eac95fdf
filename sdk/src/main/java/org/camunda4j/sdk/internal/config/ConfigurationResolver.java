package org.camunda4j.sdk.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.internal.config.ClientConfiguration.BasicCredentials;
import org.camunda4j.sdk.internal.config.ClientConfiguration.OAuthSettings;
import org.camunda4j.sdk.internal.config.ClientConfiguration.TlsSettings;

/**
 * Merges the constructor map over the environment over the built-in defaults and validates the
 * result. Every error names the key to fix.
 *
 * <p>Within one layer, two alias names with different values (e.g. {@code CAMUNDA_REST_ADDRESS}
 * and {@code ZEEBE_REST_ADDRESS}) are a conflict; across layers the higher layer simply wins.
 */
public final class ConfigurationResolver {

  public static final String DEFAULT_REST_ADDRESS = "http://localhost:8080/v2";
  public static final String DEFAULT_OAUTH_URL = "https://login.cloud.camunda.io/oauth/token";
  public static final String DEFAULT_AUDIENCE = "zeebe.camunda.io";

  private ConfigurationResolver() {}

  public static ClientConfiguration resolve(Map<String, String> explicit, Map<String, String> environment) {
    rejectUnknownKeys(explicit);
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      Optional<String> value = lookup(key, explicit, "configuration");
      if (value.isEmpty()) {
        value = lookup(key, environment, "environment");
      }
      value.ifPresent(v -> values.put(key, v));
    }
    return build(values, environment);
  }

  private static void rejectUnknownKeys(Map<String, String> explicit) {
    for (String name : explicit.keySet()) {
      if (ConfigKey.byName(name).isEmpty()) {
        String suggestion = closestKnownName(name);
        throw new CamundaConfigurationException(
            name, "unknown configuration key" + (suggestion == null ? "" : "; did you mean " + suggestion + "?"));
      }
    }
  }

  private static String closestKnownName(String name) {
    return Arrays.stream(ConfigKey.values())
        .flatMap(k -> k.names().stream())
        .min(Comparator.comparingInt(known -> editDistance(known, name.toUpperCase(Locale.ROOT))))
        .filter(known -> editDistance(known, name.toUpperCase(Locale.ROOT)) <= 3)
        .orElse(null);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Optional<String> lookup(ConfigKey key, Map<String, String> layer, String layerName) {
    String found = null;
    String foundName = null;
    for (String name : key.names()) {
      String value = layer.get(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      value = value.strip();
      if (found != null && !found.equals(value)) {
        throw new CamundaConfigurationException(
            name, "conflicts with " + foundName + " in the " + layerName + " (" + value + " vs " + found
                + "); set only one of them");
      }
      found = value;
      foundName = name;
    }
    return Optional.ofNullable(found);
  }

  private static ClientConfiguration build(Map<ConfigKey, String> values, Map<String, String> environment) {
    URI restAddress = restAddress(values.getOrDefault(ConfigKey.REST_ADDRESS, DEFAULT_REST_ADDRESS));
    AuthStrategy strategy = authStrategy(values);
    Optional<BasicCredentials> basic = Optional.empty();
    Optional<OAuthSettings> oauth = Optional.empty();
    switch (strategy) {
      case BASIC -> basic = Optional.of(new BasicCredentials(
          required(values, ConfigKey.BASIC_AUTH_USERNAME, "CAMUNDA_AUTH_STRATEGY is BASIC"),
          required(values, ConfigKey.BASIC_AUTH_PASSWORD, "CAMUNDA_AUTH_STRATEGY is BASIC")));
      case OAUTH -> oauth = Optional.of(new OAuthSettings(
          uri(ConfigKey.OAUTH_URL, values.getOrDefault(ConfigKey.OAUTH_URL, DEFAULT_OAUTH_URL)),
          required(values, ConfigKey.CLIENT_ID, "CAMUNDA_AUTH_STRATEGY is OAUTH"),
          required(values, ConfigKey.CLIENT_SECRET, "CAMUNDA_AUTH_STRATEGY is OAUTH"),
          values.getOrDefault(ConfigKey.TOKEN_AUDIENCE, DEFAULT_AUDIENCE),
          Optional.ofNullable(values.get(ConfigKey.OAUTH_SCOPE))));
      case NONE -> { }
    }
    Optional<TlsSettings> tls = tls(values);
    Optional<String> tenantId = Optional.ofNullable(values.get(ConfigKey.TENANT_ID));
    List<String> tenantIds = tenantIds(values.get(ConfigKey.TENANT_IDS));
    if (tenantIds.isEmpty() && tenantId.isPresent()) {
      tenantIds = List.of(tenantId.get());
    }
    return new ClientConfiguration(
        restAddress, strategy, basic, oauth, tls, tenantIds, tenantId, workerDefaults(values, environment));
  }

  /** Inline PEM wins over a path, as in the other Camunda SDKs; a client certificate needs its key. */
  private static Optional<TlsSettings> tls(Map<ConfigKey, String> values) {
    Optional<String> ca = pem(values, ConfigKey.MTLS_CA, ConfigKey.MTLS_CA_PATH);
    Optional<String> certificate = pem(values, ConfigKey.MTLS_CERT, ConfigKey.MTLS_CERT_PATH);
    Optional<String> key = pem(values, ConfigKey.MTLS_KEY, ConfigKey.MTLS_KEY_PATH);
    if (certificate.isPresent() != key.isPresent()) {
      throw new CamundaConfigurationException(
          (certificate.isPresent() ? ConfigKey.MTLS_KEY_PATH : ConfigKey.MTLS_CERT_PATH).canonicalName(),
          "is required: a client certificate (CAMUNDA_MTLS_CERT[_PATH]) and its key (CAMUNDA_MTLS_KEY[_PATH]) go together");
    }
    if (ca.isEmpty() && certificate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TlsSettings(ca, certificate, key));
  }

  private static Optional<String> pem(Map<ConfigKey, String> values, ConfigKey inline, ConfigKey path) {
    if (values.containsKey(inline)) {
      return Optional.of(values.get(inline));
    }
    String file = values.get(path);
    if (file == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw new CamundaConfigurationException(path.canonicalName(), "cannot read " + file + ": " + e.getMessage());
    }
  }

  static URI restAddress(String raw) {
    String trimmed = raw.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.endsWith("/v2")) {
      trimmed = trimmed + "/v2";
    }
    URI uri = uri(ConfigKey.REST_ADDRESS, trimmed);
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new CamundaConfigurationException(
          ConfigKey.REST_ADDRESS.canonicalName(), "must be an http(s) URL such as http://localhost:8080, was " + raw);
    }
    return uri;
  }

  private static URI uri(ConfigKey key, String raw) {
    try {
      return new URI(raw);
    } catch (URISyntaxException e) {
      throw new CamundaConfigurationException(key.canonicalName(), "is not a valid URL: " + raw);
    }
  }

  private static AuthStrategy authStrategy(Map<ConfigKey, String> values) {
    String explicit = values.get(ConfigKey.AUTH_STRATEGY);
    if (explicit != null) {
      try {
        return AuthStrategy.valueOf(explicit.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CamundaConfigurationException(
            ConfigKey.AUTH_STRATEGY.canonicalName(), "must be NONE, BASIC or OAUTH, was " + explicit);
      }
    }
    boolean hasOAuth = values.containsKey(ConfigKey.CLIENT_ID) || values.containsKey(ConfigKey.CLIENT_SECRET);
    boolean hasBasic =
        values.containsKey(ConfigKey.BASIC_AUTH_USERNAME) || values.containsKey(ConfigKey.BASIC_AUTH_PASSWORD);
    if (hasOAuth && hasBasic) {
      throw new CamundaConfigurationException(
          ConfigKey.AUTH_STRATEGY.canonicalName(),
          "both OAuth (CAMUNDA_CLIENT_ID/SECRET) and basic (CAMUNDA_BASIC_AUTH_USERNAME/PASSWORD) credentials are set;"
              + " set CAMUNDA_AUTH_STRATEGY to OAUTH or BASIC, or remove one pair");
    }
    return hasOAuth ? AuthStrategy.OAUTH : hasBasic ? AuthStrategy.BASIC : AuthStrategy.NONE;
  }

  private static String required(Map<ConfigKey, String> values, ConfigKey key, String because) {
    String value = values.get(key);
    if (value == null) {
      throw new CamundaConfigurationException(key.canonicalName(), "is required because " + because);
    }
    return value;
  }

  private static List<String> tenantIds(String raw) {
    if (raw == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : raw.split(",")) {
      if (!part.isBlank()) {
        ids.add(part.strip());
      }
    }
    return List.copyOf(ids);
  }

  private static WorkerDefaults workerDefaults(Map<ConfigKey, String> values, Map<String, String> environment) {
    Optional<Duration> jobTimeout = Optional.ofNullable(values.get(ConfigKey.WORKER_TIMEOUT))
        .map(v -> Duration.ofMillis(parseLong(ConfigKey.WORKER_TIMEOUT, v, 1, "a positive number of milliseconds")));
    Duration requestTimeout = Optional.ofNullable(values.get(ConfigKey.WORKER_REQUEST_TIMEOUT))
        .map(v -> Duration.ofMillis(parseLong(ConfigKey.WORKER_REQUEST_TIMEOUT, v, Long.MIN_VALUE,
            "a number of milliseconds (0 = server default, negative = no long polling)")))
        .orElse(WorkerDefaults.DEFAULT_REQUEST_TIMEOUT);
    int maxJobs = Optional.ofNullable(values.get(ConfigKey.WORKER_MAX_CONCURRENT_JOBS))
        .map(v -> (int) parseLong(ConfigKey.WORKER_MAX_CONCURRENT_JOBS, v, 1, "a positive whole number"))
        .orElse(WorkerDefaults.DEFAULT_MAX_CONCURRENT_JOBS);
    String name = values.getOrDefault(ConfigKey.WORKER_NAME, defaultWorkerName(environment));
    Duration jitter = Optional.ofNullable(values.get(ConfigKey.WORKER_STARTUP_JITTER_MAX_SECONDS))
        .map(ConfigurationResolver::jitterSeconds)
        .orElse(Duration.ZERO);
    return new WorkerDefaults(jobTimeout, requestTimeout, maxJobs, name, jitter);
  }

  /** {@code camunda4j-<host>-<pid>}: unique per process, so the engine shows which instance holds a job. */
  static String defaultWorkerName(Map<String, String> environment) {
    String host = environment.getOrDefault("HOSTNAME", environment.getOrDefault("COMPUTERNAME", "local"));
    return "camunda4j-" + host + "-" + ProcessHandle.current().pid();
  }

  private static long parseLong(ConfigKey key, String raw, long min, String expected) {
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new CamundaConfigurationException(key.canonicalName(), "must be " + expected + ", was '" + raw + "'");
    }
    if (value < min || (key == ConfigKey.WORKER_MAX_CONCURRENT_JOBS && value > Integer.MAX_VALUE)) {
      throw new CamundaConfigurationException(key.canonicalName(), "must be " + expected + ", was " + raw);
    }
    return value;
  }

  private static Duration jitterSeconds(String raw) {
    String key = ConfigKey.WORKER_STARTUP_JITTER_MAX_SECONDS.canonicalName();
    double seconds;
    try {
      seconds = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new CamundaConfigurationException(key, "must be a number of seconds such as 2.5, was '" + raw + "'");
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new CamundaConfigurationException(key, "must be zero or a positive number of seconds, was " + raw);
    }
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }
}
