package org.camunda4j.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.spring.internal.ClientConfigurationMapper;
import org.camunda4j.spring.internal.WorkerStartedListener;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What the auto-configuration creates, from which properties, and how it refuses bad input. No engine needed. */
class CamundaAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamundaAutoConfiguration.class, CamundaMetricsAutoConfiguration.class,
          CamundaHealthAutoConfiguration.class))
      .withPropertyValues("camunda.client.read-environment=false", "camunda.client.rest-address=http://127.0.0.1:9");

  /** Binding only: the files and credentials named need not exist. */
  private final ApplicationContextRunner binding = new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

  @EnableConfigurationProperties(CamundaClientProperties.class)
  static class PropertiesOnly {}

  @Test
  void everyPropertyBecomesTheSdksKeyInAnyOfSpringsSpellings() {
    binding
        .withPropertyValues(
            "camunda.client.restAddress=https://cluster.example.com:8443",
            "camunda.client.auth.strategy=oauth",
            "camunda.client.auth.client-id=orders",
            "camunda.client.auth.oauth-url=https://login.example.com/token",
            "camunda.client.auth.audience=orchestration",
            "camunda.client.auth.scope=camunda",
            "camunda.client.mtls.ca-path=/etc/ca.pem",
            "camunda.client.mtls.cert=-----BEGIN CERTIFICATE-----",
            "camunda.client.tenant-id=emea",
            "camunda.client.tenant-ids=emea,apac",
            "camunda.client.worker.defaults.job-timeout=2m",
            "camunda.client.worker.defaults.request-timeout=20000",
            "camunda.client.worker.defaults.max-concurrent-jobs=32",
            "camunda.client.worker.defaults.worker-name=orders-app",
            "camunda.client.worker.defaults.startup-jitter-max=1500ms")
        .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of("CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "s3cret"))))
        .run(context -> assertThat(ClientConfigurationMapper.toConfiguration(context.getBean(CamundaClientProperties.class)))
            .containsOnly(
                entry("CAMUNDA_REST_ADDRESS", "https://cluster.example.com:8443"),
                entry("CAMUNDA_AUTH_STRATEGY", "OAUTH"),
                entry("CAMUNDA_CLIENT_ID", "orders"),
                entry("CAMUNDA_CLIENT_SECRET", "s3cret"),
                entry("CAMUNDA_OAUTH_URL", "https://login.example.com/token"),
                entry("CAMUNDA_TOKEN_AUDIENCE", "orchestration"),
                entry("CAMUNDA_OAUTH_SCOPE", "camunda"),
                entry("CAMUNDA_MTLS_CA_PATH", "/etc/ca.pem"),
                entry("CAMUNDA_MTLS_CERT", "-----BEGIN CERTIFICATE-----"),
                entry("CAMUNDA_TENANT_ID", "emea"),
                entry("CAMUNDA_TENANT_IDS", "emea,apac"),
                entry("CAMUNDA_WORKER_TIMEOUT", "120000"),
                entry("CAMUNDA_WORKER_REQUEST_TIMEOUT", "20000"),
                entry("CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "32"),
                entry("CAMUNDA_WORKER_NAME", "orders-app"),
                entry("CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "1.5")));
  }

  @Test
  void basicCredentialsAndTheRemainingTlsKeysMapToo() {
    binding
        .withPropertyValues("camunda.client.auth.username=demo", "camunda.client.auth.password=demo",
            "camunda.client.mtls.ca=PEM-CA", "camunda.client.mtls.cert-path=/c.pem", "camunda.client.mtls.key-path=/k.pem",
            "camunda.client.mtls.key=PEM-KEY")
        .run(context -> assertThat(ClientConfigurationMapper.toConfiguration(context.getBean(CamundaClientProperties.class)))
            .contains(entry("CAMUNDA_BASIC_AUTH_USERNAME", "demo"), entry("CAMUNDA_BASIC_AUTH_PASSWORD", "demo"),
                entry("CAMUNDA_MTLS_CA", "PEM-CA"), entry("CAMUNDA_MTLS_CERT_PATH", "/c.pem"),
                entry("CAMUNDA_MTLS_KEY_PATH", "/k.pem"), entry("CAMUNDA_MTLS_KEY", "PEM-KEY")));
  }

  @Test
  void theBlockingClientIsTheTwinOfTheAsyncOne() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(CamundaClient.class).hasSingleBean(CamundaAsyncClient.class);
      assertThat(context.getBean(CamundaClient.class).async()).isSameAs(context.getBean(CamundaAsyncClient.class));
    });
  }

  @Test
  void aMistakeNamesThePropertyToFix() {
    runner.withPropertyValues("camunda.client.auth.strategy=BASIC", "camunda.client.auth.username=demo")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageStartingWith("camunda.client.auth.password: is required because CAMUNDA_AUTH_STRATEGY is BASIC"));
    runner.withPropertyValues("camunda.client.worker.defaults.max-concurrent-jobs=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageStartingWith("camunda.client.worker.defaults.max-concurrent-jobs: must be a positive whole number"));
  }

  @Test
  void enabledFalseConfiguresNothing() {
    runner.withPropertyValues("camunda.client.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(CamundaClient.class).doesNotHaveBean(CamundaAsyncClient.class)
          .doesNotHaveBean("camundaHealthIndicator").doesNotHaveBean(WorkerStartedListener.class);
    });
  }

  @Test
  void aClientOfTheApplicationsOwnReplacesTheConfiguredOne() {
    runner.withBean("myClient", CamundaAsyncClient.class,
            () -> CamundaClient.builder().environment(Map.of()).buildAsync(), d -> d.setDestroyMethodName("close"))
        .run(context -> assertThat(context).hasSingleBean(CamundaAsyncClient.class).hasBean("myClient"));
  }

  @Test
  void metricsAndHealthAppearOnlyWithTheirLibraries() {
    runner.run(context -> assertThat(context).hasBean("camundaHealthIndicator").hasBean("camundaWorkerMetrics"));
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class, MeterRegistry.class))
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean("camundaHealthIndicator").doesNotHaveBean("camundaWorkerMetrics"));
  }

  @Test
  void healthIsDownWhenTheEngineDoesNotAnswer() {
    runner.run(context -> {
      var health = context.getBean("camundaHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails().get("engine")).asString().contains("reachable=false");
    });
  }

  @Test
  void aParameterThatCannotBeBoundStopsTheApplicationNamingIt() {
    runner.withBean(Unbindable.class).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("@JobWorker Unbindable.work(..): parameter 'when' of type StringBuilder cannot be bound"));
  }

  @Test
  void aConnectedContextOnABlockingStrategyStopsTheApplication() {
    runner.withBean(ConnectedOnThread.class).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("takes a ConnectedJobContext, which only ASYNC gives"));
  }

  @Test
  void twoMethodsForOneJobTypeStopTheApplication() {
    runner.withBean(TwoOfAType.class).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("two @JobWorker methods for job type 'pack'"));
  }

  @Test
  void anOverrideForATypeNoMethodHasStopsTheApplicationListingTheTypes() {
    runner.withBean(OneWorker.class).withPropertyValues("camunda.client.worker.override.shipp.enabled=false")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("camunda.client.worker.override.shipp names no @JobWorker job type; the job types are [ship]"));
  }

  @Test
  void aWorkerWithoutAJobTimeoutAnywhereSaysWhereToSetOne() {
    runner.withBean(OneWorker.class).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("no job timeout for the worker of type 'ship'"));
    runner.withBean(OneWorker.class).run(context -> assertThat(context).getFailure()
        .hasStackTraceContaining("set jobTimeout on the annotation, camunda.client.worker.override.ship.job-timeout"
            + " or camunda.client.worker.defaults.job-timeout"));
  }

  @Test
  void aMalformedAnnotationValueNamesTheMethodAndTheField() {
    runner.withBean(BadTimeout.class).run(context -> assertThat(context).getFailure().rootCause()
        .hasMessageContaining("@JobWorker BadTimeout.work(..): jobTimeout must be a duration such as 30s")
        .hasMessageContaining("was 'soon'"));
  }

  @Test
  void ideCompletionMetadataDescribesTheProperties() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(metadata).contains("\"name\": \"camunda.client.rest-address\"",
          "\"name\": \"camunda.client.worker.override\"", "\"name\": \"camunda.client.worker.drain-timeout\"",
          "CAMUNDA_CLIENT_ID");
    }
  }

  static class Unbindable {
    @JobWorker
    void work(StringBuilder when) {}
  }

  static class ConnectedOnThread {
    @JobWorker(strategy = JobWorker.Strategy.THREAD)
    void work(ConnectedJobContext job) {}
  }

  static class TwoOfAType {
    @JobWorker(type = "pack")
    void packSmall() {}

    @JobWorker(type = "pack")
    void packLarge() {}
  }

  static class OneWorker {
    @JobWorker
    void ship() {}
  }

  static class BadTimeout {
    @JobWorker(jobTimeout = "soon")
    void work() {}
  }
}
