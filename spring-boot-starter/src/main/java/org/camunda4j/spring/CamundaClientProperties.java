package org.camunda4j.spring;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.sdk.TenantFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code camunda.client.*}: the settings of the SDK's {@code CAMUNDA_*} variables, with Spring's
 * relaxed binding ({@code rest-address}, {@code restAddress}, {@code CAMUNDA_CLIENT_REST_ADDRESS}).
 * What is not set here falls back to the SDK's own {@code CAMUNDA_*} environment variables (unless
 * {@code read-environment} is false), then to the SDK's defaults.
 *
 * @param enabled whether the clients and workers are configured at all
 * @param restAddress the cluster's REST address, e.g. {@code http://localhost:8080} ({@code CAMUNDA_REST_ADDRESS})
 * @param readEnvironment whether the SDK's {@code CAMUNDA_*} variables fill what is not set here
 * @param auth how requests authenticate
 * @param mtls TLS trust and the client certificate
 * @param tenantId the default tenant ({@code CAMUNDA_TENANT_ID})
 * @param tenantIds the tenants workers poll ({@code CAMUNDA_TENANT_IDS})
 * @param worker worker defaults, per-type overrides and the drain on shutdown
 */
@ConfigurationProperties("camunda.client")
public record CamundaClientProperties(
    @DefaultValue("true") boolean enabled,
    URI restAddress,
    @DefaultValue("true") boolean readEnvironment,
    @DefaultValue Auth auth,
    @DefaultValue Mtls mtls,
    String tenantId,
    List<String> tenantIds,
    @DefaultValue Worker worker) {

  /** The three strategies of {@code CAMUNDA_AUTH_STRATEGY}. */
  public enum AuthStrategy { NONE, BASIC, OAUTH }

  /**
   * {@code camunda.client.auth.*}.
   *
   * @param strategy NONE, BASIC or OAUTH; unset = inferred from which credentials are set ({@code CAMUNDA_AUTH_STRATEGY})
   * @param username BASIC user ({@code CAMUNDA_BASIC_AUTH_USERNAME})
   * @param password BASIC password ({@code CAMUNDA_BASIC_AUTH_PASSWORD})
   * @param clientId OAUTH client id ({@code CAMUNDA_CLIENT_ID})
   * @param clientSecret OAUTH client secret ({@code CAMUNDA_CLIENT_SECRET})
   * @param oauthUrl the token endpoint ({@code CAMUNDA_OAUTH_URL}; default Camunda SaaS's)
   * @param audience the token audience ({@code CAMUNDA_TOKEN_AUDIENCE}; default {@code zeebe.camunda.io})
   * @param scope the token scope ({@code CAMUNDA_OAUTH_SCOPE})
   */
  public record Auth(
      AuthStrategy strategy,
      String username,
      String password,
      String clientId,
      String clientSecret,
      URI oauthUrl,
      String audience,
      String scope) {}

  /**
   * {@code camunda.client.mtls.*}: PEM text wins over a path.
   *
   * @param ca CA certificates to trust, as PEM text ({@code CAMUNDA_MTLS_CA})
   * @param cert the client certificate, as PEM text ({@code CAMUNDA_MTLS_CERT})
   * @param key the client certificate's private key, as PEM text ({@code CAMUNDA_MTLS_KEY})
   * @param caPath a file of CA certificates to trust ({@code CAMUNDA_MTLS_CA_PATH})
   * @param certPath the client certificate's file ({@code CAMUNDA_MTLS_CERT_PATH})
   * @param keyPath the file of the client certificate's private key ({@code CAMUNDA_MTLS_KEY_PATH})
   */
  public record Mtls(String caPath, String ca, String certPath, String cert, String keyPath, String key) {}

  /**
   * {@code camunda.client.worker.*}.
   *
   * @param defaults settings every worker of the client inherits
   * @param override per job type, e.g. {@code camunda.client.worker.override.charge-card.max-concurrent-jobs=4}
   *     (a type with dots or capitals in brackets: {@code override[order.Ship].enabled=false})
   * @param drainTimeout on shutdown, how long running jobs may take to finish before the client closes
   */
  public record Worker(
      @DefaultValue WorkerDefaults defaults,
      Map<String, WorkerOverride> override,
      @DefaultValue("10s") Duration drainTimeout) {

    public Worker {
      override = override == null ? Map.of() : Map.copyOf(override);
    }
  }

  /**
   * {@code camunda.client.worker.defaults.*}.
   *
   * @param jobTimeout the lock each job gets ({@code CAMUNDA_WORKER_TIMEOUT})
   * @param requestTimeout the long-poll time ({@code CAMUNDA_WORKER_REQUEST_TIMEOUT})
   * @param maxConcurrentJobs jobs running at once per worker ({@code CAMUNDA_WORKER_MAX_CONCURRENT_JOBS})
   * @param workerName recorded on each job ({@code CAMUNDA_WORKER_NAME})
   * @param startupJitterMax a random wait up to this before a worker first polls ({@code CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS})
   * @param autoExtendLock renew locks while handlers run
   * @param tenantFilter PROVIDED or ASSIGNED
   */
  public record WorkerDefaults(
      Duration jobTimeout,
      Duration requestTimeout,
      Integer maxConcurrentJobs,
      String workerName,
      Duration startupJitterMax,
      Boolean autoExtendLock,
      TenantFilter tenantFilter) {}

  /**
   * {@code camunda.client.worker.override.<type>.*}: named as {@link org.camunda4j.sdk.WorkerConfig}'s
   * fields; each set one wins over the {@link JobWorker} annotation.
   *
   * @param enabled false = the worker is not started
   * @param jobTimeout the lock each job gets
   * @param requestTimeout the long-poll time
   * @param maxConcurrentJobs jobs running at once
   * @param fetchVariables the variables to fetch, instead of those derived from the method
   * @param workerName recorded on each job
   * @param tenantIds the tenants to poll
   * @param autoExtendLock renew the lock while the method runs
   * @param tenantFilter PROVIDED or ASSIGNED
   */
  public record WorkerOverride(
      Boolean enabled,
      Duration jobTimeout,
      Duration requestTimeout,
      Integer maxConcurrentJobs,
      List<String> fetchVariables,
      String workerName,
      List<String> tenantIds,
      Boolean autoExtendLock,
      TenantFilter tenantFilter) {}
}
