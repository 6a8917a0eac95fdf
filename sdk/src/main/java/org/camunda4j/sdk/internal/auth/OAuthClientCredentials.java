package org.camunda4j.sdk.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.camunda4j.sdk.CamundaException;
import org.camunda4j.sdk.internal.config.ClientConfiguration.OAuthSettings;
import org.camunda4j.sdk.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2 client credentials with an in-memory cache. A token is refreshed ahead of its expiry
 * (skew = max(30 s, 5 % of its lifetime)); while a refresh runs, callers still get the old token if
 * it has not expired, and only one fetch is ever in flight (single flight). Nothing touches disk.
 */
public final class OAuthClientCredentials implements AuthProvider {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthClientCredentials.class);
  private static final long SECOND = 1_000_000_000L;

  private final OAuthSettings settings;
  private final HttpClient http;
  private final LongSupplier nanoClock;

  private Token current;
  private CompletableFuture<Token> inFlight;

  private record Token(String value, long refreshAt, long expiresAt) {}

  public OAuthClientCredentials(OAuthSettings settings, HttpClient http, LongSupplier nanoClock) {
    this.settings = settings;
    this.http = http;
    this.nanoClock = nanoClock;
  }

  @Override
  public CompletableFuture<Optional<String>> authorization() {
    CompletableFuture<Token> fetch;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      if (current != null && now < current.refreshAt) {
        return CompletableFuture.completedFuture(Optional.of("Bearer " + current.value));
      }
      if (inFlight == null) {
        inFlight = fetch();
        CompletableFuture<Token> started = inFlight;
        started.whenComplete((token, error) -> {
          synchronized (this) {
            if (token != null) {
              current = token;
            }
            if (inFlight == started) {
              inFlight = null;
            }
          }
        });
      }
      fetch = inFlight;
      if (current != null && now < current.expiresAt) {
        // Refresh ahead of expiry: this caller keeps going with the still-valid token.
        return CompletableFuture.completedFuture(Optional.of("Bearer " + current.value));
      }
    }
    return fetch.thenApply(token -> Optional.of("Bearer " + token.value));
  }

  @Override
  public synchronized boolean invalidate() {
    current = null;
    return true;
  }

  private CompletableFuture<Token> fetch() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    form.put("audience", settings.audience());
    settings.scope().ifPresent(scope -> form.put("scope", scope));
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl())
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    long requestedAt = nanoClock.getAsLong();
    LOG.debug("Fetching an OAuth token from {}", settings.tokenUrl());
    return blockingExchange(request).handle((response, error) -> {
      if (error != null) {
        throw new CamundaException("Cannot reach the OAuth token endpoint " + settings.tokenUrl() + ": " + error, error);
      }
      String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      if (response.statusCode() / 100 != 2) {
        throw new CamundaException("The OAuth token endpoint " + settings.tokenUrl() + " answered "
            + response.statusCode() + " for client id " + settings.clientId() + ": " + abbreviate(text));
      }
      return parse(text, requestedAt);
    });
  }

  private Token parse(String body, long requestedAt) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (Exception e) {
      throw new CamundaException("The OAuth token endpoint answered something that is not JSON: " + abbreviate(body), e);
    }
    JsonNode accessToken = json.get("access_token");
    if (accessToken == null || accessToken.asText().isEmpty()) {
      throw new CamundaException("The OAuth token endpoint answered without access_token: " + abbreviate(body));
    }
    long lifetimeSeconds = json.hasNonNull("expires_in") ? json.get("expires_in").asLong(300) : 300;
    long lifetime = lifetimeSeconds * SECOND;
    long skew = Math.max(30 * SECOND, lifetime / 20);
    long expiresAt = requestedAt + lifetime;
    // A token shorter-lived than the skew is refreshed at half its life rather than immediately.
    long refreshAt = lifetime > skew ? expiresAt - skew : requestedAt + lifetime / 2;
    return new Token(accessToken.asText(), refreshAt, expiresAt);
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /**
   * A blocking {@code send} on a virtual thread of its own: {@code sendAsync} would complete on the
   * common fork-join pool, which application code may block. Token fetches are rare, so a thread per
   * fetch costs nothing worth saving.
   */
  private CompletableFuture<HttpResponse<byte[]>> blockingExchange(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> exchange = new CompletableFuture<>();
    Thread.ofVirtual().name("camunda4j-oauth").start(() -> {
      try {
        exchange.complete(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
      } catch (InterruptedException e) {
        exchange.cancel(false);
      } catch (Throwable e) {
        exchange.completeExceptionally(e);
      }
    });
    return exchange;
  }
}
