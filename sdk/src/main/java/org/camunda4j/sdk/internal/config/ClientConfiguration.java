package org.camunda4j.sdk.internal.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The resolved, validated configuration of one client. Built only by {@link ConfigurationResolver}.
 *
 * @param restAddress the base URL, always ending in {@code /v2}
 * @param tls a CA to trust and/or a client certificate to present; empty = the JDK's trust store, no client certificate
 * @param tenantIds tenants injected into job activation when a worker names none; empty = send none
 * @param defaultTenantId the tenant for deployments, instances and messages when a call names none
 */
public record ClientConfiguration(
    URI restAddress,
    AuthStrategy authStrategy,
    Optional<BasicCredentials> basic,
    Optional<OAuthSettings> oauth,
    Optional<TlsSettings> tls,
    List<String> tenantIds,
    Optional<String> defaultTenantId,
    WorkerDefaults workerDefaults) {

  /** Username and password for {@link AuthStrategy#BASIC}. */
  public record BasicCredentials(String username, String password) {
    @Override
    public String toString() {
      return "BasicCredentials[username=" + username + ", password=***]";
    }
  }

  /** OAuth client-credentials settings. */
  public record OAuthSettings(
      URI tokenUrl, String clientId, String clientSecret, String audience, Optional<String> scope) {
    @Override
    public String toString() {
      return "OAuthSettings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", audience=" + audience + "]";
    }
  }

  /**
   * PEM text for TLS: CA certificates to trust besides the JDK's (empty: the JDK's only), and a
   * client certificate chain with its key for mutual TLS (both or neither).
   */
  public record TlsSettings(Optional<String> caPem, Optional<String> certificatePem, Optional<String> keyPem) {
    @Override
    public String toString() {
      return "TlsSettings[ca=" + caPem.isPresent() + ", clientCertificate=" + certificatePem.isPresent() + ", key=***]";
    }
  }
}
