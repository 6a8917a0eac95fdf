package org.camunda4j.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.engine.it.EngineHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An engine started with {@code --auth basic}: every endpoint but the health check needs a user. */
class BasicAuthenticationTest {

  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(EngineCredential.parse("demo:s3cret"), EngineCredential.parse("ana:pw:tenant-a,tenant-b"))))
        .build());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aKnownUserIsServed() {
    assertThat(Http.get(engine.restAddress(), "/v2/topology", Http.basic("demo", "s3cret")).status()).isEqualTo(200);
    assertThat(Http.get(engine.restAddress(), "/v2/topology", Http.basic("ana", "pw")).status()).isEqualTo(200);
  }

  @Test
  void noCredentialsIs401WithABasicChallengeAndAProblem() {
    Http.Answer answer = Http.get(engine.restAddress(), "/v2/topology", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.challenge()).startsWith("Basic realm=\"camunda4j\"");
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().get("title").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(answer.body().get("detail").asText()).contains("Authorization: Basic");
  }

  @Test
  void aWrongPasswordOrUnknownUserIs401WithTheSameDetail() {
    Http.Answer wrongPassword = Http.get(engine.restAddress(), "/v2/topology", Http.basic("demo", "guess"));
    Http.Answer unknownUser = Http.get(engine.restAddress(), "/v2/topology", Http.basic("mallory", "s3cret"));

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.body().get("detail")).isEqualTo(unknownUser.body().get("detail"));
  }

  @Test
  void aBearerTokenIsNotBasicCredentials() {
    Http.Answer answer = Http.get(engine.restAddress(), "/v2/topology", "Bearer abc.def.ghi");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).contains("only HTTP Basic").contains("'Bearer'");
  }

  @Test
  void aBatchOperationNamesTheUserWhoCreatedIt() {
    EngineHttp ana = new EngineHttp(engine.restAddress(), Http.basic("ana", "pw"));
    String batchKey =
        ana.post("/process-instances/cancellation", java.util.Map.of("filter", java.util.Map.of("processDefinitionId", "nothing")))
            .json().path("batchOperationKey").asText();

    EngineHttp.Response batch = ana.get("/batch-operations/" + batchKey);

    assertThat(batch.json().path("actorType").asText()).isEqualTo("USER");
    assertThat(batch.json().path("actorId").asText()).isEqualTo("ana");
    assertThat(ana.search("batch-operations", java.util.Map.of("filter", java.util.Map.of("actorId", "ana"))))
        .extracting(b -> b.path("batchOperationKey").asText())
        .contains(batchKey);
  }

  @Test
  void theHealthCheckNeedsNoCredentials() {
    assertThat(Http.get(engine.restAddress(), "/v2/status", null).status()).isEqualTo(204);
  }

  @Test
  void anUnknownPathWithoutCredentialsIs401NotA404() {
    assertThat(Http.get(engine.restAddress(), "/v2/no-such-thing", null).status()).isEqualTo(401);
    assertThat(Http.get(engine.restAddress(), "/v2/no-such-thing", Http.basic("demo", "s3cret")).status()).isEqualTo(404);
  }

  @Test
  void thereIsNoTokenEndpointWithBasicAuthentication() {
    assertThat(Http.postForm(engine.restAddress(), "/oauth/token", "grant_type=client_credentials").status()).isEqualTo(401);
  }
}
