package org.camunda4j.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.testing.TestAuthentication;

/**
 * The credentials the kit makes up for an engine with {@link TestAuthentication}: the engine's
 * configuration, the clients' {@code CAMUNDA_*} keys, and the header for the kit's own raw reads.
 */
public final class KitCredentials {

  private static final String NAME = "camunda4j-testing";

  private final TestAuthentication mode;
  private final String secret = UUID.randomUUID().toString();
  private String token;
  private long tokenRefreshAtNanos;

  private final List<String> tenants;

  public KitCredentials(TestAuthentication mode) {
    this(mode, List.of());
  }

  /** With {@code tenants}, the kit's user or client belongs to them, and its clients use them. */
  public KitCredentials(TestAuthentication mode, List<String> tenants) {
    this.mode = mode;
    this.tenants = List.copyOf(tenants);
  }

  public EngineAuth engineAuth() {
    return switch (mode) {
      case NONE -> EngineAuth.none();
      case BASIC -> EngineAuth.basic(List.of(new EngineCredential(NAME, secret, tenants)));
      case OAUTH -> EngineAuth.builtInIssuer(List.of(new EngineCredential(NAME, secret, tenants)));
    };
  }

  /** The keys that log a client in to the engine at {@code restAddress}. */
  public Map<String, String> clientConfiguration(URI restAddress) {
    Map<String, String> configuration = new java.util.HashMap<>(login(restAddress));
    if (!tenants.isEmpty()) {
      configuration.put("CAMUNDA_TENANT_ID", tenants.get(0));
      configuration.put("CAMUNDA_TENANT_IDS", String.join(",", tenants));
    }
    return Map.copyOf(configuration);
  }

  private Map<String, String> login(URI restAddress) {
    return switch (mode) {
      case NONE -> Map.of();
      case BASIC -> Map.of("CAMUNDA_AUTH_STRATEGY", "BASIC",
          "CAMUNDA_BASIC_AUTH_USERNAME", NAME, "CAMUNDA_BASIC_AUTH_PASSWORD", secret);
      case OAUTH -> Map.of("CAMUNDA_AUTH_STRATEGY", "OAUTH", "CAMUNDA_CLIENT_ID", NAME, "CAMUNDA_CLIENT_SECRET", secret,
          "CAMUNDA_OAUTH_URL", tokenUrl(restAddress).toString());
    };
  }

  /** The {@code Authorization} header for a raw request, fetching a token when needed. */
  public synchronized Optional<String> authorization(URI restAddress, HttpClient http) {
    return switch (mode) {
      case NONE -> Optional.empty();
      case BASIC -> Optional.of("Basic " + Base64.getEncoder().encodeToString((NAME + ":" + secret).getBytes(StandardCharsets.UTF_8)));
      case OAUTH -> {
        if (token == null || System.nanoTime() - tokenRefreshAtNanos > 0) {
          fetchToken(restAddress, http);
        }
        yield Optional.of("Bearer " + token);
      }
    };
  }

  private void fetchToken(URI restAddress, HttpClient http) {
    HttpRequest request = HttpRequest.newBuilder(tokenUrl(restAddress))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + NAME + "&client_secret=" + secret))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("The engine's token endpoint answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode json = JsonValues.parse(response.body());
      token = json.path("access_token").asText();
      tokenRefreshAtNanos = System.nanoTime() + Duration.ofSeconds(json.path("expires_in").asLong() / 2).toNanos();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach the engine's token endpoint " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching a token", e);
    }
  }

  private static URI tokenUrl(URI restAddress) {
    return URI.create(restAddress.toString().replaceAll("/+$", "") + "/oauth/token");
  }
}
