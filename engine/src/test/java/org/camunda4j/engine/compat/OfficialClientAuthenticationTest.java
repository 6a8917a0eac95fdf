package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Java client, configured as its documentation says for OAuth and Basic, runs a
 * process against an engine with authentication on: the built-in token endpoint and the Basic users
 * work with it unchanged.
 */
class OfficialClientAuthenticationTest {

  @TempDir
  Path tempDir;

  @Test
  void oauthClientCredentialsFromTheBuiltInTokenEndpoint() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.builtInIssuer(List.of(EngineCredential.parse("orders-app:orders-secret"))))
        .build())) {
      CredentialsProvider oauth = CredentialsProvider.newCredentialsProviderBuilder()
          .clientId("orders-app")
          .clientSecret("orders-secret")
          .audience("zeebe-api")
          .authorizationServerUrl(engine.restAddress() + "/oauth/token")
          .credentialsCachePath(Files.createFile(tempDir.resolve("credentials")).toString())
          .applyEnvironmentOverrides(false)
          .build();

      runsOneInstance(engine, oauth);
    }
  }

  @Test
  void basicCredentials() {
    try (Engine engine = Engine.start(EngineConfig.builder()
        .auth(EngineAuth.basic(List.of(EngineCredential.parse("demo:demo-password"))))
        .build())) {
      CredentialsProvider basic = CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
          .username("demo").password("demo-password").applyEnvironmentOverrides(false).build();

      runsOneInstance(engine, basic);
    }
  }

  @Test
  void withoutCredentialsTheClientGetsA401() {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("demo:demo-password"))))
            .build());
        CamundaClient client = OfficialClients.builderFor(engine).build()) {
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> client.newTopologyRequest().send().join());

      assertThat(failure).hasMessageContaining("401");
    }
  }

  private static void runsOneInstance(Engine engine, CredentialsProvider credentials) {
    try (CamundaClient client = OfficialClients.builderFor(engine).credentialsProvider(credentials).build()) {
      client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();
      client.newWorker().jobType("work")
          .handler((jobClient, job) -> jobClient.newCompleteCommand(job).variables(Map.of("done", true)).send().join())
          .open();

      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("single-service-task").latestVersion()
          .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

      assertThat(result.getVariablesAsMap()).containsEntry("done", true);
    }
  }

}
