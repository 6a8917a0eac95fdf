package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.junit.jupiter.api.Test;

/** The engine serves the web console's files at /console/, with their types and caching rules. */
class ConsoleRouteTest extends EngineScenario {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void theConsoleIsOnByDefaultOnLoopbackAndItsAddressIsKnown() {
    assertThat(engine.consoleAddress()).contains(engine.restAddress().resolve("/console/"));
    assertThat(EngineConfig.builder().host("0.0.0.0").allowUnauthenticated(true).build().console()).as("on every interface").isFalse();
    assertThat(EngineConfig.builder().host("localhost").build().console()).isTrue();
  }

  @Test
  void slashConsoleRedirectsToTheDirectorySoRelativeLinksResolve() throws Exception {
    HttpResponse<String> response = get("/console");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).contains("/console/");
  }

  @Test
  void thePageAndItsModulesAreServedWithTheirTypesAndRevalidatedOnEachLoad() throws Exception {
    HttpResponse<String> page = get("/console/");
    HttpResponse<String> module = get("/console/js/app.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(page.body()).contains("<title>camunda4j console</title>");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(module.body()).contains("import");
  }

  @Test
  void bpmnJsIsBundledAndCachedByTheBrowser() throws Exception {
    HttpResponse<String> viewer = get("/console/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js");
    HttpResponse<String> css = get("/console/vendor/bpmn-js/assets/diagram-js.css");

    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
    assertThat(viewer.body()).contains("BpmnJS");
    assertThat(css.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
  }

  @Test
  void unknownFilesAndPathsOutsideTheConsoleAreNotFound() throws Exception {
    HttpResponse<String> missing = get("/console/nothing-here.js");
    HttpResponse<String> escape = get("/console/%2e%2e/%2e%2e/org/camunda4j/engine/Engine.class");
    HttpResponse<String> unknownType = get("/console/../META-INF/MANIFEST.MF");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(missing.body()).contains("No console file /console/nothing-here.js exists.");
    assertThat(escape.statusCode()).isEqualTo(404);
    assertThat(unknownType.statusCode()).isEqualTo(404);
  }

  @Test
  void behindBasicAuthenticationTheConsoleAsksForCredentialsLikeTheApi() throws Exception {
    EngineConfig config = EngineConfig.builder().auth(EngineAuth.basic(List.of(EngineCredential.of("demo", "demo")))).build();
    try (Engine guarded = Engine.start(config)) {
      URI page = guarded.consoleAddress().orElseThrow();
      HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> signedIn = client.send(
          HttpRequest.newBuilder(page).header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
      assertThat(signedIn.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headOnAConsoleFileAnswersLikeGetWithoutABody() throws Exception {
    for (String path : List.of("/console/", "/console/js/app.js", "/console/vendor/bpmn-js/assets/diagram-js.css")) {
      HttpResponse<String> get = get(path);
      HttpResponse<String> head = send(path, "HEAD", null);

      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(head.headers().firstValue("Content-Length")).as(path).contains(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
      assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
      assertThat(head.headers().firstValue("Cache-Control")).as(path).isEqualTo(get.headers().firstValue("Cache-Control"));
    }
    HttpResponse<String> missing = send("/console/nothing-here.js", "HEAD", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
  }

  @Test
  void behindBearerAuthenticationTheConsoleFilesLoadWithoutATokenAndTheApiStillAsksForOne() throws Exception {
    EngineConfig config = EngineConfig.builder()
        .auth(new EngineAuth.Oidc(null, null, EngineAuth.Oidc.BUILT_IN_AUDIENCE, List.of(EngineCredential.of("console", "secret")),
            EngineAuth.Oidc.DEFAULT_TOKEN_LIFETIME))
        .build();
    try (Engine guarded = Engine.start(config)) {
      URI base = guarded.restAddress();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/console/")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> module = client.send(
          HttpRequest.newBuilder(base.resolve("/console/js/api.js")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> api = client.send(HttpRequest.newBuilder(base.resolve("/v2/topology")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> notTheConsole = client.send(
          HttpRequest.newBuilder(base.resolve("/consoles")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>camunda4j console</title>");
      assertThat(module.statusCode()).isEqualTo(200);
      assertThat(api.statusCode()).isEqualTo(401);
      assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(notTheConsole.statusCode()).as("only the console's own paths are open").isEqualTo(401);
    }
  }

  @Test
  void consoleOffServesNothing() throws Exception {
    try (Engine off = Engine.start(EngineConfig.builder().console(false).build())) {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(off.restAddress().resolve("/console/")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(off.consoleAddress()).isEmpty();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(path, "GET", null);
  }

  private HttpResponse<String> send(String path, String method, String body) throws IOException, InterruptedException {
    URI uri = URI.create(engine.restAddress() + path);
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
    return client.send(HttpRequest.newBuilder(uri).method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
  }
}
