package org.camunda4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @CamundaTest(authentication = ...)}: the engine refuses callers without credentials, and the
 * kit's clients, helpers and assertions all log in.
 */
class AuthenticatedEngineTest {

  @Nested
  @CamundaTest(deploy = "charge-and-ship.bpmn", authentication = TestAuthentication.OAUTH)
  class WithOAuth {

    CamundaTestContext camunda;

    @Test
    void helpersAndAssertionsWorkAndAnonymousCallersAreRefused() throws Exception {
      runsTheProcess(camunda);
    }
  }

  @Nested
  @CamundaTest(deploy = "charge-and-ship.bpmn", authentication = TestAuthentication.BASIC)
  class WithBasic {

    CamundaTestContext camunda;

    @Test
    void helpersAndAssertionsWorkAndAnonymousCallersAreRefused() throws Exception {
      runsTheProcess(camunda);
    }
  }

  private static void runsTheProcess(CamundaTestContext camunda) throws Exception {
    ProcessInstanceCreationResult instance = camunda.startInstance("charge-and-ship", Map.of("orderId", "o-1"));
    camunda.completeNextJob("charge", Map.of("charged", true));
    camunda.completeNextJob("ship");

    camunda.assertThat(instance).isCompleted().hasVariable("charged", true);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> anonymous = http.send(
          HttpRequest.newBuilder(URI.create(camunda.restAddress() + "/v2/topology")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    }
  }
}
