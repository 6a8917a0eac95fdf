package org.camunda4j.engine.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda4j.engine.Engine;

/** Access tokens from an engine's built-in token endpoint. */
final class Tokens {

  private Tokens() {}

  static String builtIn(Engine engine, String clientId, String secret) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(engine.restAddress().resolve("/oauth/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("access_token").asText();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
