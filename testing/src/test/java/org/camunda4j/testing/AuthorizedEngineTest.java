package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Test;

/**
 * {@code @CamundaTest(authorizations = true)}: the kit's own caller may do everything, a user created
 * through the identity API only what it is granted.
 */
@CamundaTest(deploy = "charge-and-ship.bpmn", authorizations = true)
class AuthorizedEngineTest {

  CamundaTestContext camunda;

  @Test
  void theKitMayDoEverythingAnApiUserOnlyWhatItIsGranted() throws Exception {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-1"));
    camunda.completeNextJob("charge", Map.of("charged", true));
    camunda.assertThat(instance).isActiveAt("Task_Ship");

    String kit = camunda.authorizationHeader().orElseThrow();
    String dana = "Basic " + Base64.getEncoder().encodeToString("dana:pw-d".getBytes(StandardCharsets.UTF_8));
    assertThat(post(kit, "/v2/users", "{\"username\":\"dana\",\"password\":\"pw-d\"}")).isEqualTo(201);
    String create = "{\"processDefinitionId\":\"charge-and-ship\",\"variables\":{\"orderId\":\"o-2\"}}";
    assertThat(post(dana, "/v2/process-instances", create)).isEqualTo(403);

    assertThat(post(kit, "/v2/authorizations", "{\"ownerId\":\"dana\",\"ownerType\":\"USER\",\"resourceType\":\"PROCESS_DEFINITION\","
        + "\"resourceId\":\"charge-and-ship\",\"permissionTypes\":[\"CREATE_PROCESS_INSTANCE\"]}")).isEqualTo(201);
    assertThat(post(dana, "/v2/process-instances", create)).isEqualTo(200);
  }

  private int post(String authorization, String path, String json) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create(camunda.restAddress() + path))
              .header("Content-Type", "application/json").header("Authorization", authorization)
              .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode();
    }
  }
}
