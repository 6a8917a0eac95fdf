package org.camunda4j.sdk.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.internal.worker.WorkerSettings;
import org.junit.jupiter.api.Test;

/** Configuration precedence (explicit map > environment > default) and the error for every bad value. */
class ConfigurationResolverTest {

  private static ClientConfiguration resolve(Map<String, String> explicit, Map<String, String> environment) {
    return ConfigurationResolver.resolve(explicit, environment);
  }

  private static CamundaConfigurationException failure(Map<String, String> explicit, Map<String, String> env) {
    try {
      resolve(explicit, env);
    } catch (CamundaConfigurationException e) {
      return e;
    }
    throw new AssertionError("expected a configuration error");
  }

  @Test
  void withNothingSetTheBuiltInDefaultsApply() {
    ClientConfiguration config = resolve(Map.of(), Map.of());

    assertThat(config.restAddress()).hasToString("http://localhost:8080/v2");
    assertThat(config.authStrategy()).isEqualTo(AuthStrategy.NONE);
    assertThat(config.tenantIds()).isEmpty();
    assertThat(config.workerDefaults().jobTimeout()).isEmpty();
    assertThat(config.workerDefaults().maxConcurrentJobs()).isEqualTo(10);
    assertThat(config.workerDefaults().requestTimeout()).isZero();
    assertThat(config.workerDefaults().startupJitterMax()).isZero();
    assertThat(config.workerDefaults().workerName()).startsWith("camunda4j-");
  }

  @Test
  void theEnvironmentOverridesTheDefaults() {
    ClientConfiguration config = resolve(Map.of(), Map.of(
        "CAMUNDA_WORKER_TIMEOUT", "30000", "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "32",
        "CAMUNDA_WORKER_REQUEST_TIMEOUT", "-1", "CAMUNDA_WORKER_NAME", "env-name",
        "CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "2.5"));

    WorkerDefaults defaults = config.workerDefaults();
    assertThat(defaults.jobTimeout()).contains(Duration.ofSeconds(30));
    assertThat(defaults.maxConcurrentJobs()).isEqualTo(32);
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofMillis(-1));
    assertThat(defaults.workerName()).isEqualTo("env-name");
    assertThat(defaults.startupJitterMax()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void theConstructorMapOverridesTheEnvironment() {
    ClientConfiguration config = resolve(
        Map.of("CAMUNDA_WORKER_TIMEOUT", "1000", "CAMUNDA_WORKER_NAME", "map-name"),
        Map.of("CAMUNDA_WORKER_TIMEOUT", "30000", "CAMUNDA_WORKER_NAME", "env-name",
            "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "7"));

    assertThat(config.workerDefaults().jobTimeout()).contains(Duration.ofSeconds(1));
    assertThat(config.workerDefaults().workerName()).isEqualTo("map-name");
    assertThat(config.workerDefaults().maxConcurrentJobs()).isEqualTo(7);
  }

  @Test
  void anExplicitWorkerConfigValueOverridesEverything() {
    ClientConfiguration config = resolve(Map.of("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "16"),
        Map.of("CAMUNDA_WORKER_TIMEOUT", "30000", "CAMUNDA_WORKER_NAME", "env-name"));

    WorkerSettings settings = WorkerSettings.resolve(
        WorkerConfig.of("t").withJobTimeout(Duration.ofSeconds(5)).withMaxConcurrentJobs(2).withWorkerName("mine"),
        config.workerDefaults(), config.tenantIds(), null);
    WorkerSettings inherited = WorkerSettings.resolve(WorkerConfig.of("t"), config.workerDefaults(),
        config.tenantIds(), null);

    assertThat(settings.jobTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.maxConcurrentJobs()).isEqualTo(2);
    assertThat(settings.workerName()).isEqualTo("mine");
    assertThat(inherited.jobTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(inherited.maxConcurrentJobs()).isEqualTo(16);
    assertThat(inherited.workerName()).isEqualTo("env-name");
  }

  @Test
  void startupJitterGivenToCreateJobWorkerOverridesTheConfiguredOne() {
    ClientConfiguration config = resolve(Map.of("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "3",
        "CAMUNDA_WORKER_TIMEOUT", "1000"), Map.of());

    assertThat(WorkerSettings.resolve(WorkerConfig.of("t"), config.workerDefaults(), List.of(), null)
        .startupJitterMax()).isEqualTo(Duration.ofSeconds(3));
    assertThat(WorkerSettings.resolve(WorkerConfig.of("t"), config.workerDefaults(), List.of(), Duration.ZERO)
        .startupJitterMax()).isZero();
  }

  @Test
  void aMissingJobTimeoutIsAnErrorNamingTheVariable() {
    ClientConfiguration config = resolve(Map.of(), Map.of());

    assertThatThrownBy(() -> WorkerSettings.resolve(WorkerConfig.of("payment"), config.workerDefaults(), List.of(), null))
        .isInstanceOfSatisfying(CamundaConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("CAMUNDA_WORKER_TIMEOUT");
          assertThat(e.getMessage()).contains("'payment'").contains("withJobTimeout");
        });
  }

  @Test
  void tenantIdsComeFromTheListOrFallBackToTheSingleTenant() {
    assertThat(resolve(Map.of(), Map.of("CAMUNDA_TENANT_IDS", "a, b ,,c")).tenantIds()).containsExactly("a", "b", "c");
    assertThat(resolve(Map.of(), Map.of("CAMUNDA_TENANT_ID", "solo")).tenantIds()).containsExactly("solo");
    ClientConfiguration config = resolve(Map.of(), Map.of("CAMUNDA_TENANT_IDS", "a"));
    assertThat(WorkerSettings.resolve(WorkerConfig.of("t").withJobTimeout(Duration.ofSeconds(1))
        .withTenantIds(List.of("own")), config.workerDefaults(), config.tenantIds(), null).tenantIds())
        .containsExactly("own");
  }

  @Test
  void theRestAddressIsNormalisedToEndInV2() {
    assertThat(resolve(Map.of("CAMUNDA_REST_ADDRESS", "http://h:8080"), Map.of()).restAddress())
        .hasToString("http://h:8080/v2");
    assertThat(resolve(Map.of("CAMUNDA_REST_ADDRESS", "https://h/v2/"), Map.of()).restAddress())
        .hasToString("https://h/v2");
    assertThat(resolve(Map.of(), Map.of("ZEEBE_REST_ADDRESS", "http://zeebe:8088/")).restAddress())
        .hasToString("http://zeebe:8088/v2");
  }

  @Test
  void anExplicitAddressBeatsTheEnvironmentEvenAcrossAliases() {
    assertThat(resolve(Map.of("ZEEBE_REST_ADDRESS", "http://explicit"),
        Map.of("CAMUNDA_REST_ADDRESS", "http://env")).restAddress()).hasToString("http://explicit/v2");
  }

  @Test
  void twoDifferentAliasValuesInOneLayerConflict() {
    CamundaConfigurationException e = failure(Map.of(),
        Map.of("CAMUNDA_REST_ADDRESS", "http://a", "ZEEBE_REST_ADDRESS", "http://b"));

    assertThat(e.getMessage()).contains("CAMUNDA_REST_ADDRESS").contains("ZEEBE_REST_ADDRESS").contains("set only one");
  }

  @Test
  void badValuesAreRejectedNamingTheKey() {
    assertThat(failure(Map.of("CAMUNDA_WORKER_TIMEOUT", "30s"), Map.of()).key()).isEqualTo("CAMUNDA_WORKER_TIMEOUT");
    assertThat(failure(Map.of("CAMUNDA_WORKER_TIMEOUT", "0"), Map.of()).key()).isEqualTo("CAMUNDA_WORKER_TIMEOUT");
    assertThat(failure(Map.of(), Map.of("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "0")).key())
        .isEqualTo("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS");
    assertThat(failure(Map.of("CAMUNDA_WORKER_REQUEST_TIMEOUT", "soon"), Map.of()).key())
        .isEqualTo("CAMUNDA_WORKER_REQUEST_TIMEOUT");
    assertThat(failure(Map.of("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "-1"), Map.of()).key())
        .isEqualTo("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS");
    assertThat(failure(Map.of("CAMUNDA_REST_ADDRESS", "localhost:8080"), Map.of()).key())
        .isEqualTo("CAMUNDA_REST_ADDRESS");
    assertThat(failure(Map.of("CAMUNDA_AUTH_STRATEGY", "KERBEROS"), Map.of()).getMessage())
        .isEqualTo("CAMUNDA_AUTH_STRATEGY: must be NONE, BASIC or OAUTH, was KERBEROS");
  }

  @Test
  void anUnknownKeyInTheMapIsRejectedWithASuggestion() {
    CamundaConfigurationException e = failure(Map.of("CAMUNDA_WORKER_TIMOUT", "1000"), Map.of());

    assertThat(e.key()).isEqualTo("CAMUNDA_WORKER_TIMOUT");
    assertThat(e.getMessage()).contains("did you mean CAMUNDA_WORKER_TIMEOUT?");
  }

  @Test
  void unknownVariablesInTheEnvironmentAreIgnored() {
    assertThat(resolve(Map.of(), Map.of("CAMUNDA_SOMETHING_ELSE", "x", "PATH", "/bin")).authStrategy())
        .isEqualTo(AuthStrategy.NONE);
  }

  @Test
  void theAuthStrategyIsInferredFromTheCredentials() {
    ClientConfiguration oauth = resolve(Map.of("CAMUNDA_CLIENT_ID", "id", "CAMUNDA_CLIENT_SECRET", "secret"), Map.of());
    assertThat(oauth.authStrategy()).isEqualTo(AuthStrategy.OAUTH);
    assertThat(oauth.oauth().orElseThrow().audience()).isEqualTo("zeebe.camunda.io");
    assertThat(oauth.oauth().orElseThrow().tokenUrl()).hasToString("https://login.cloud.camunda.io/oauth/token");

    ClientConfiguration basic = resolve(Map.of(),
        Map.of("CAMUNDA_BASIC_AUTH_USERNAME", "demo", "CAMUNDA_BASIC_AUTH_PASSWORD", "demo"));
    assertThat(basic.authStrategy()).isEqualTo(AuthStrategy.BASIC);
  }

  @Test
  void bothKindsOfCredentialsWithoutAStrategyConflict() {
    CamundaConfigurationException e = failure(Map.of("CAMUNDA_CLIENT_ID", "id", "CAMUNDA_CLIENT_SECRET", "s",
        "CAMUNDA_BASIC_AUTH_USERNAME", "u", "CAMUNDA_BASIC_AUTH_PASSWORD", "p"), Map.of());

    assertThat(e.key()).isEqualTo("CAMUNDA_AUTH_STRATEGY");
  }

  @Test
  void aChosenStrategyNeedsItsCredentials() {
    assertThat(failure(Map.of("CAMUNDA_AUTH_STRATEGY", "OAUTH", "CAMUNDA_CLIENT_ID", "id"), Map.of()).key())
        .isEqualTo("CAMUNDA_CLIENT_SECRET");
    assertThat(failure(Map.of("CAMUNDA_AUTH_STRATEGY", "basic"), Map.of()).key())
        .isEqualTo("CAMUNDA_BASIC_AUTH_USERNAME");
  }

  @Test
  void secretsDoNotAppearInToString() {
    ClientConfiguration config = resolve(Map.of("CAMUNDA_CLIENT_ID", "id", "CAMUNDA_CLIENT_SECRET", "hunter2"),
        Map.of());

    assertThat(config.toString()).doesNotContain("hunter2");
  }

  @Test
  void workerConfigRejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> WorkerConfig.of(" ")).isInstanceOfSatisfying(CamundaConfigurationException.class,
        e -> assertThat(e.key()).isEqualTo("jobType"));
    assertThatThrownBy(() -> WorkerConfig.of("t").withMaxConcurrentJobs(0))
        .isInstanceOfSatisfying(CamundaConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("maxConcurrentJobs"));
    assertThatThrownBy(() -> WorkerConfig.of("t").withJobTimeout(Duration.ZERO))
        .isInstanceOfSatisfying(CamundaConfigurationException.class, e -> assertThat(e.key()).isEqualTo("jobTimeout"));
  }

  @Test
  void anAssignedTenantFilterCannotBeCombinedWithTenantIds() {
    assertThatThrownBy(() -> WorkerConfig.of("t").withTenantIds(List.of("a")).withTenantFilter(
        org.camunda4j.sdk.TenantFilter.ASSIGNED)).isInstanceOfSatisfying(CamundaConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("tenantFilter"));
  }
}
