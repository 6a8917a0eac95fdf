package org.camunda4j.sdk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.Test;

/**
 * The SDK's BASIC and OAUTH strategies against an engine that requires them: workers run, the OAuth
 * token is fetched once and shared, refreshed before it expires, and a 401 (the engine restarted
 * with a new signing key) makes the client fetch a new token once and retry.
 */
class AuthenticationEndToEndTest {

  private static final EngineCredential CLIENT = EngineCredential.parse("orders-app:orders-secret");

  @Test
  void basicStrategyRunsAWorker() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("demo:demo-password")))).build());
        CamundaClient client = client(engine, Map.of(
            "CAMUNDA_BASIC_AUTH_USERNAME", "demo", "CAMUNDA_BASIC_AUTH_PASSWORD", "demo-password"))) {
      runsAnInstanceWithAWorker(client);
    }
  }

  @Test
  void aWrongPasswordIsA401NamingTheScheme() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("demo:demo-password")))).build());
        CamundaClient client = client(engine, Map.of(
            "CAMUNDA_BASIC_AUTH_USERNAME", "demo", "CAMUNDA_BASIC_AUTH_PASSWORD", "wrong"))) {
      Throwable failure = catchThrowable(client::topology);

      assertThat(failure).isInstanceOf(CamundaApiException.class);
      assertThat(((CamundaApiException) failure).isUnauthorized()).isTrue();
      assertThat(((CamundaApiException) failure).detail()).isEqualTo("Invalid username or password.");
    }
  }

  @Test
  void oauthStrategyRunsAWorker() {
    try (Engine engine = Engine.start(EngineConfig.builder().auth(EngineAuth.builtInIssuer(List.of(CLIENT))).build());
        CamundaClient client = client(engine, oauth(engine.restAddress() + "/oauth/token"))) {
      runsAnInstanceWithAWorker(client);
    }
  }

  @Test
  void oneTokenRequestServesManyConcurrentCalls() {
    try (Engine engine = Engine.start(EngineConfig.builder().auth(EngineAuth.builtInIssuer(List.of(CLIENT))).build());
        CountingTokenEndpoint tokens = new CountingTokenEndpoint(engine.restAddress(), Duration.ofMillis(300));
        CamundaClient client = client(engine, oauth(tokens.url().toString()))) {
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(client.async().topology());
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
      for (int i = 0; i < 20; i++) {
        client.topology();
      }

      assertThat(tokens.requests()).isEqualTo(1);
      assertThat(tokens.maxInFlight()).isEqualTo(1);
    }
  }

  @Test
  void aShortLivedTokenIsRefreshedBeforeItExpires() {
    // A 2 s token is refreshed at half its life; calls during the refresh use the old, valid one.
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.builtInIssuer(List.of(CLIENT)).withTokenLifetime(Duration.ofSeconds(2))).build());
        CountingTokenEndpoint tokens = new CountingTokenEndpoint(engine.restAddress(), Duration.ofMillis(50));
        CamundaClient client = client(engine, oauth(tokens.url().toString()))) {
      client.topology();
      assertThat(tokens.requests()).isEqualTo(1);

      Await.until("a second token", Duration.ofSeconds(30), () -> {
        client.topology();
        return tokens.requests() >= 2;
      });

      assertThat(tokens.maxInFlight()).isEqualTo(1);
    }
  }

  @Test
  void a401FetchesANewTokenOnceAndRetries() {
    Engine first = Engine.start(EngineConfig.builder().auth(EngineAuth.builtInIssuer(List.of(CLIENT))).build());
    int port = first.restAddress().getPort();
    try (CountingTokenEndpoint tokens = new CountingTokenEndpoint(first.restAddress(), Duration.ZERO);
        CamundaClient client = client(first, oauth(tokens.url().toString()))) {
      client.topology();
      assertThat(tokens.requests()).isEqualTo(1);

      // The engine restarts on the same port with a new signing key: the cached token is now invalid.
      first.close();
      try (Engine second = Engine.start(EngineConfig.builder().port(port)
          .auth(EngineAuth.builtInIssuer(List.of(CLIENT))).build())) {
        assertThat(client.topology()).isNotNull();

        assertThat(tokens.requests()).isEqualTo(2);
      }
    }
  }

  private static void runsAnInstanceWithAWorker(CamundaClient client) {
    client.deployResourcesFromClasspath("bpmn/work.bpmn");
    client.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)),
        (org.camunda4j.sdk.SyncJobContext job) -> Map.of("done", true));

    var result = client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
        .withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(30)));

    assertThat(result.variables()).containsEntry("done", true);
  }

  private static Map<String, String> oauth(String tokenUrl) {
    return Map.of("CAMUNDA_CLIENT_ID", CLIENT.name(), "CAMUNDA_CLIENT_SECRET", CLIENT.secret(), "CAMUNDA_OAUTH_URL", tokenUrl);
  }

  private static CamundaClient client(Engine engine, Map<String, String> configuration) {
    Map<String, String> merged = new java.util.HashMap<>(configuration);
    merged.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    return CamundaClient.builder().environment(Map.of()).configuration(merged).build();
  }
}
