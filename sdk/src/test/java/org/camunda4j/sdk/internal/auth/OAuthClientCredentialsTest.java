package org.camunda4j.sdk.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda4j.sdk.CamundaException;
import org.camunda4j.sdk.internal.config.ClientConfiguration.OAuthSettings;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client credentials against a stub token endpoint, with a fake clock. */
class OAuthClientCredentialsTest {

  private static final long SECOND = 1_000_000_000L;
  private final StubServer tokenServer = new StubServer();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(5_000 * SECOND);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    tokenServer.close();
    http.close();
  }

  private OAuthClientCredentials provider(Optional<String> scope) {
    return new OAuthClientCredentials(new OAuthSettings(URI.create(tokenServer.address() + "/oauth/token"),
        "my-client", "s3cret&=", "zeebe.camunda.io", scope), http, now::get);
  }

  private StubServer.Responder token(long expiresInSeconds) {
    return exchange -> StubServer.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
        + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresInSeconds + "}").respond(exchange);
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
        .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
  }

  @Test
  void itPostsTheClientCredentialsFormAndReturnsABearerHeader() {
    tokenServer.on("POST", "/oauth/token").otherwise(token(300));

    assertThat(provider(Optional.of("openid")).authorization().join()).contains("Bearer token-1");

    Map<String, String> form = form(tokenServer.requests().get(0).body());
    assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "my-client")
        .containsEntry("client_secret", "s3cret&=").containsEntry("audience", "zeebe.camunda.io")
        .containsEntry("scope", "openid");
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    tokenServer.on("POST", "/oauth/token").otherwise(StubServer.holdUntil(release, token(300)));
    OAuthClientCredentials provider = provider(Optional.empty());

    List<CompletableFuture<Optional<String>>> callers = IntStream.range(0, 20)
        .mapToObj(i -> provider.authorization()).toList();
    release.countDown();

    assertThat(callers).allSatisfy(c -> assertThat(c.join()).contains("Bearer token-1"));
    assertThat(tokenServer.requests()).hasSize(1);
  }

  @Test
  void theTokenIsCachedUntilTheRefreshPointThenRefreshedAheadOfExpiry() {
    tokenServer.on("POST", "/oauth/token").otherwise(token(100));
    OAuthClientCredentials provider = provider(Optional.empty());

    assertThat(provider.authorization().join()).contains("Bearer token-1");
    now.addAndGet(69 * SECOND); // skew is max(30 s, 5 %) = 30 s: refresh from 70 s on
    assertThat(provider.authorization().join()).contains("Bearer token-1");
    assertThat(tokenServer.requests()).hasSize(1);

    now.addAndGet(2 * SECOND); // 71 s: still valid, so the caller is not held up while it refreshes
    assertThat(provider.authorization().join()).contains("Bearer token-1");
    org.camunda4j.sdk.testing.Await.until("the background refresh", () -> tokenServer.requests().size() == 2);
    org.camunda4j.sdk.testing.Await.until("the new token to be used",
        () -> provider.authorization().join().equals(Optional.of("Bearer token-2")));
  }

  @Test
  void anExpiredTokenIsNeverHandedOut() {
    tokenServer.on("POST", "/oauth/token").otherwise(token(100));
    OAuthClientCredentials provider = provider(Optional.empty());
    provider.authorization().join();

    now.addAndGet(101 * SECOND);

    assertThat(provider.authorization().join()).contains("Bearer token-2");
  }

  @Test
  void invalidatingForcesAFreshToken() {
    tokenServer.on("POST", "/oauth/token").otherwise(token(300));
    OAuthClientCredentials provider = provider(Optional.empty());
    provider.authorization().join();

    provider.invalidate();

    assertThat(provider.authorization().join()).contains("Bearer token-2");
  }

  @Test
  void aRejectedFetchFailsWithTheEndpointsAnswerAndTheNextCallTriesAgain() {
    tokenServer.on("POST", "/oauth/token")
        .thenRespond(StubServer.json(401, "{\"error\":\"invalid_client\"}"))
        .otherwise(token(300));
    OAuthClientCredentials provider = provider(Optional.empty());

    assertThatThrownBy(() -> provider.authorization().join()).hasCauseInstanceOf(CamundaException.class)
        .hasMessageContaining("answered 401 for client id my-client").hasMessageContaining("invalid_client");
    assertThat(provider.authorization().join()).contains("Bearer token-1");
  }

  @Test
  void aShortLivedTokenIsRefreshedAtHalfItsLife() {
    tokenServer.on("POST", "/oauth/token").otherwise(token(20));
    OAuthClientCredentials provider = provider(Optional.empty());
    provider.authorization().join();

    now.addAndGet(Duration.ofSeconds(9).toNanos());
    provider.authorization().join();
    assertThat(tokenServer.requests()).hasSize(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    provider.authorization().join();
    org.camunda4j.sdk.testing.Await.until("a refresh", () -> tokenServer.requests().size() == 2);
  }
}
