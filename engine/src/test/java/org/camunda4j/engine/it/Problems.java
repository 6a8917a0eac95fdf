package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks an error answer against the RFC 9457 contract of the API (reference §1.3). */
final class Problems {

  private Problems() {}

  /**
   * Asserts status, {@code application/problem+json}, {@code title} (the status name), {@code
   * status} in the body and an {@code instance} naming the request path; returns the detail so a
   * test can check that it says what to fix.
   */
  static String assertProblem(EngineHttp.Response response, int status, String title) {
    assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    assertThat(response.mediaType()).as("content type of %s", response).isEqualTo("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.path("title").asText()).as("title of %s", response).isEqualTo(title);
    assertThat(problem.path("status").asInt()).as("status member of %s", response).isEqualTo(status);
    assertThat(problem.path("type").asText()).as("type of %s", response).isEqualTo("about:blank");
    assertThat(problem.path("instance").asText()).as("instance of %s", response).startsWith("/v2/");
    String detail = problem.path("detail").asText();
    assertThat(detail).as("detail of %s", response).isNotBlank();
    return detail;
  }
}
