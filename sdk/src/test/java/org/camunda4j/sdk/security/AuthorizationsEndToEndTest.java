package org.camunda4j.sdk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.SyncJobContext;
import org.camunda4j.sdk.WorkerConfig;
import org.junit.jupiter.api.Test;

/**
 * The SDK as a user the engine's authorizations confine: refused with a 403 it can read before the
 * grant, and running its worker once granted the process.
 */
class AuthorizationsEndToEndTest {

  @Test
  void aWorkerOfAGrantedUserRunsItsProcess() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.builder()
            .auth(EngineAuth.basic(List.of(EngineCredential.parse("admin:admin-pw"))))
            .authorizations(true)
            .build());
        CamundaClient admin = client(engine, "admin", "admin-pw")) {
      admin.deployResourcesFromClasspath("bpmn/work.bpmn");
      assertThat(post(engine, "/v2/users", "{\"username\":\"ana\",\"password\":\"ana-pw\"}")).isEqualTo(201);

      try (CamundaClient ana = client(engine, "ana", "ana-pw")) {
        Throwable refused = catchThrowable(() -> ana.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")));
        assertThat(refused).isInstanceOf(CamundaApiException.class);
        assertThat(((CamundaApiException) refused).status()).isEqualTo(403);
        assertThat(((CamundaApiException) refused).detail())
            .contains("Insufficient permissions to perform operation 'CREATE_PROCESS_INSTANCE' on resource 'PROCESS_DEFINITION'");

        assertThat(post(engine, "/v2/authorizations", "{\"ownerId\":\"ana\",\"ownerType\":\"USER\",\"resourceType\":\"PROCESS_DEFINITION\","
            + "\"resourceId\":\"work\",\"permissionTypes\":[\"CREATE_PROCESS_INSTANCE\",\"UPDATE_PROCESS_INSTANCE\"]}")).isEqualTo(201);
        ana.createJobWorker(WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)), (SyncJobContext job) -> Map.of("done", true));
        var result = ana.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
            .withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(30)));

        assertThat(result.variables()).containsEntry("done", true);
      }
    }
  }

  /** The identity API over plain HTTP as the configured admin: the SDK has no identity commands. */
  private static int post(Engine engine, String path, String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(engine.restAddress() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-pw".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static CamundaClient client(Engine engine, String username, String password) {
    return CamundaClient.builder().environment(Map.of()).configuration(Map.of(
        "CAMUNDA_REST_ADDRESS", engine.restAddress().toString(),
        "CAMUNDA_BASIC_AUTH_USERNAME", username, "CAMUNDA_BASIC_AUTH_PASSWORD", password)).build();
  }
}
