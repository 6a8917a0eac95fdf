package org.camunda4j.sdk.internal.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The resolved, validated configuration of one client. Built only by {@link ConfigurationResolver}.
 *
 * @param restAddress the base URL, always ending in {@code /v2}
 * @param tenantIds tenants injected into job activation when a worker names none; empty = send none
 * @param defaultTenantId the tenant for deployments, instances and messages when a call names none
 */
public record ClientConfiguration(
    URI restAddress,
    AuthStrategy authStrategy,
    Optional<BasicCredentials> basic,
    Optional<OAuthSettings> oauth,
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
}
