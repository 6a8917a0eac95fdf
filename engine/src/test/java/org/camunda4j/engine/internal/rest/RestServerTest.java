package org.camunda4j.engine.internal.rest;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestServerTest {

  record Echo(String name, Integer retries, String note) {}

  record Retries(Integer retries) implements Validatable {
    @Override
    public void validate() {
      if (retries != null && retries < 0) {
        throw ApiException.invalidArgument(
            "The value for retries is '" + retries + "' but must be 0 or greater.");
      }
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final CompletableFuture<Reply> parkedReply = new CompletableFuture<>();
  private final CountDownLatch parked = new CountDownLatch(1);
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private final AtomicReference<Request> parkedRequest = new AtomicReference<>();
  private final AtomicReference<String> blockingThread = new AtomicReference<>();
  private RestServer server;

  @BeforeEach
  void start() {
    Router router =
        new Router()
            .route("POST", "/v2/echo", request -> completedFuture(Reply.json(request.body(Echo.class))))
            .route("GET", "/v2/echo", request -> completedFuture(Reply.json(new Echo("get", null, null))))
            .route("POST", "/v2/retries", request -> completedFuture(Reply.json(request.body(Retries.class))))
            .route("POST", "/v2/tree", request -> completedFuture(Reply.json(request.bodyTree())))
            .route("POST", "/v2/nothing", request -> completedFuture(Reply.noContent()))
            .route("POST", "/v2/created", request -> completedFuture(Reply.json(201, new Echo("made", 1, null))))
            .route("GET", "/v2/items/{itemKey}", request ->
                completedFuture(Reply.json(new Echo("key", null, Long.toString(request.keyParam("itemKey"))))))
            .route("GET", "/v2/items/special", request -> completedFuture(Reply.json(new Echo("special", null, null))))
            .route("POST", "/v2/items/search", request -> completedFuture(Reply.json(new Echo("search", null, null))))
            .route("GET", "/v2/query", request ->
                completedFuture(Reply.json(new Echo(request.queryParam("q").orElse("none"), null, request.header("X-Test")))))
            .route("GET", "/v2/throw/{status}", request -> {
              throw new ApiException(ProblemStatus.valueOf(request.pathParam("status")), "thrown on purpose");
            })
            .route("GET", "/v2/fail/{status}", request ->
                CompletableFuture.failedFuture(
                    new ApiException(ProblemStatus.valueOf(request.pathParam("status")), "failed on purpose")))
            .route("GET", "/v2/bug", request -> {
              throw new IllegalStateException("the handler has a bug");
            })
            .route("GET", "/v2/async-bug", request ->
                CompletableFuture.supplyAsync(() -> {
                  throw new IllegalStateException("the async handler has a bug");
                }))
            .route("POST", "/v2/deployments", request -> completedFuture(Reply.json(request.parts().stream()
                .map(part -> new Echo(part.name(), part.bytes().length, part.filename() + "|" + part.contentType() + "|" + part.text()))
                .toList())))
            .routeBlocking("GET", "/v2/blocking", request -> {
              blockingThread.set(Thread.currentThread().getName());
              return completedFuture(Reply.json(new Echo("blocked", null, null)));
            })
            .route("POST", "/v2/park", request -> {
              parkedRequest.set(request);
              request.onDisconnect(disconnected::countDown);
              parked.countDown();
              return parkedReply;
            });
    server = RestServer.start("127.0.0.1", 0, router);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)).build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return post(path, "application/json; charset=UTF-8", body);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static void assertProblem(HttpResponse<String> response, ProblemStatus status, String instance) throws IOException {
    assertThat(response.statusCode()).isEqualTo(status.httpStatus());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("title").asText()).isEqualTo(status.name());
    assertThat(problem.get("status").asInt()).isEqualTo(status.httpStatus());
    assertThat(problem.get("instance").asText()).isEqualTo(instance);
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  @Test
  void decodesAJsonBodyIntoARecordAndAnswersWithExactlyApplicationJson() throws Exception {
    var response = postJson("/v2/echo", "{\"name\":\"a\",\"retries\":3,\"note\":\"n\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"name\":\"a\",\"retries\":3,\"note\":\"n\"}");
  }

  @Test
  void writesNullFieldsExplicitly() throws Exception {
    var response = postJson("/v2/echo", "{\"name\":\"a\"}");

    assertThat(response.body()).isEqualTo("{\"name\":\"a\",\"retries\":null,\"note\":null}");
  }

  @Test
  void ignoresUnknownFieldsAndAcceptsExplicitNulls() throws Exception {
    var response = postJson("/v2/echo", "{\"name\":null,\"retries\":null,\"futureField\":{\"x\":1}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"name\":null,\"retries\":null,\"note\":null}");
  }

  @Test
  void decodesAnEmptyBodyAsAnEmptyObject() throws Exception {
    assertThat(postJson("/v2/echo", "").body()).isEqualTo("{\"name\":null,\"retries\":null,\"note\":null}");
    assertThat(postJson("/v2/tree", "").body()).isEqualTo("{}");
  }

  @Test
  void acceptsAJsonBodyWithoutContentType() throws Exception {
    var response = http.send(
        HttpRequest.newBuilder(uri("/v2/echo")).POST(BodyPublishers.ofString("{\"name\":\"bare\"}")).build(),
        BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("name").asText()).isEqualTo("bare");
  }

  @Test
  void answers201WithABodyWhenTheHandlerSaysSo() throws Exception {
    var response = postJson("/v2/created", "{}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void answersNoContentWithoutBodyOrContentType() throws Exception {
    var response = postJson("/v2/nothing", "{}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void noContentEndsRightAfterTheHeaders() throws Exception {
    // RFC 9110 forbids Content-Length on a 204; the response simply has no body, so the next
    // response on the same connection must follow at once.
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/nothing", "", "{}");
      var noContent = connection.read();
      connection.send("POST", "/v2/echo", "", "{\"name\":\"next\"}");
      var next = connection.read();

      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.headers()).doesNotContainKey("content-type").doesNotContainKey("transfer-encoding");
      assertThat(noContent.body()).isEmpty();
      assertThat(next.body()).contains("next");
    }
  }

  @Test
  void headIsAnsweredLikeGetWithoutABodyAndTheNextResponseFollowsAtOnce() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("GET", "/v2/echo", "", "");
      var get = connection.read();
      connection.send("HEAD", "/v2/echo", "", "");
      var head = connection.readHead();
      connection.send("HEAD", "/v2/nothing", "", ""); // POST only
      var notAllowed = connection.readHead();
      connection.send("GET", "/v2/echo", "", "");
      var next = connection.read();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers()).containsEntry("content-length", get.headers().get("content-length"))
          .containsEntry("content-type", get.headers().get("content-type"));
      assertThat(notAllowed.status()).isEqualTo(405);
      assertThat(next.body()).isEqualTo(get.body());
    }
  }

  @Test
  void malformedJsonIsAnInvalidArgumentSayingWhatIsWrong() throws Exception {
    var response = postJson("/v2/echo", "{\"name\": ");

    assertProblem(response, ProblemStatus.INVALID_ARGUMENT, "/v2/echo");
    assertThat(json(response).get("detail").asText()).startsWith("Request body is not valid JSON: ");
  }

  @Test
  void aTypeMismatchNamesTheProperty() throws Exception {
    var response = postJson("/v2/retries", "{\"retries\":\"many\"}");

    assertProblem(response, ProblemStatus.INVALID_ARGUMENT, "/v2/retries");
    assertThat(json(response).get("detail").asText())
        .isEqualTo("Request property [retries] cannot be parsed: expected an integer");
  }

  @Test
  void validatesBodiesThatKnowHowToValidateThemselves() throws Exception {
    var response = postJson("/v2/retries", "{\"retries\":-1}");

    assertProblem(response, ProblemStatus.INVALID_ARGUMENT, "/v2/retries");
    assertThat(json(response).get("detail").asText())
        .isEqualTo("The value for retries is '-1' but must be 0 or greater.");
  }

  @Test
  void aJsonBodyWithAnotherContentTypeIsUnsupportedMediaType() throws Exception {
    var response = post("/v2/echo", "text/plain", "{\"name\":\"a\"}");

    assertProblem(response, ProblemStatus.UNSUPPORTED_MEDIA_TYPE, "/v2/echo");
    assertThat(json(response).get("detail").asText()).contains("application/json", "text/plain");
  }

  @Test
  void aBodyOverFourMegabytesIsPayloadTooLarge() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";

    var response = postJson("/v2/echo", big);

    assertProblem(response, ProblemStatus.PAYLOAD_TOO_LARGE, "/v2/echo");
    assertThat(json(response).get("detail").asText()).contains("4194304 bytes");
    // The connection (or a new one) still serves the next request.
    assertThat(postJson("/v2/echo", "{\"name\":\"after\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void anOversizedBodyAnnouncedWithExpectContinueIsAProblemToo() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.sendHead("POST /v2/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");

      var response = connection.read();

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
      assertThat(response.body()).contains("\"title\":\"PAYLOAD_TOO_LARGE\"", "\"instance\":\"/v2/echo\"");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void aPathWithAMalformedPercentEscapeIsAnInvalidArgumentOnAConnectionThatStaysOpen() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.sendHead("GET /v2/items/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

      var response = connection.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
      assertThat(response.body()).contains("\"title\":\"INVALID_ARGUMENT\"", "percent");
      connection.sendHead("GET /v2/echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(connection.read().status()).as("the next request on the same connection").isEqualTo(200);
    }
  }

  @Test
  void aMalformedRequestHeadIsAnInvalidArgumentAndEndsTheConnection() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.sendHead("GET /v2/echo HTTP/1.1\r\nHost: localhost\r\nX-Huge: " + "h".repeat(20_000) + "\r\n\r\n");

      var response = connection.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
      assertThat(response.body()).contains("\"title\":\"INVALID_ARGUMENT\"", "malformed");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertProblem(get("/v2/nope"), ProblemStatus.NOT_FOUND, "/v2/nope");
  }

  @Test
  void aKnownPathWithAnotherMethodIsMethodNotAllowed() throws Exception {
    var response = http.send(HttpRequest.newBuilder(uri("/v2/nothing")).GET().build(), BodyHandlers.ofString());

    assertProblem(response, ProblemStatus.METHOD_NOT_ALLOWED, "/v2/nothing");
    assertThat(json(response).get("detail").asText()).contains("POST");
  }

  @Test
  void aLiteralSegmentIsNeverTakenForAKey() throws Exception {
    var search = http.send(HttpRequest.newBuilder(uri("/v2/items/search")).POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    var getOnSearch = get("/v2/items/search");

    assertThat(json(search).get("name").asText()).isEqualTo("search");
    assertProblem(getOnSearch, ProblemStatus.METHOD_NOT_ALLOWED, "/v2/items/search");
    assertThat(json(getOnSearch).get("detail").asText()).endsWith("use POST.");
    assertThat(json(get("/v2/items/42")).get("note").asText()).isEqualTo("42");
  }

  @ParameterizedTest
  @EnumSource(ProblemStatus.class)
  void aThrownApiExceptionBecomesItsProblem(ProblemStatus status) throws Exception {
    var response = get("/v2/throw/" + status.name());

    assertProblem(response, status, "/v2/throw/" + status.name());
    assertThat(json(response).get("detail").asText()).isEqualTo("thrown on purpose");
  }

  @ParameterizedTest
  @EnumSource(ProblemStatus.class)
  void aFailedStageBecomesItsProblem(ProblemStatus status) throws Exception {
    var response = get("/v2/fail/" + status.name());

    assertProblem(response, status, "/v2/fail/" + status.name());
    assertThat(json(response).get("detail").asText()).isEqualTo("failed on purpose");
  }

  @Test
  void anyOtherFailureIsInternalWithAUsefulDetail() throws Exception {
    var thrown = get("/v2/bug");
    var async = get("/v2/async-bug");

    assertProblem(thrown, ProblemStatus.INTERNAL, "/v2/bug");
    assertThat(json(thrown).get("detail").asText()).contains("GET /v2/bug", "the handler has a bug");
    assertProblem(async, ProblemStatus.INTERNAL, "/v2/async-bug");
    assertThat(json(async).get("detail").asText()).contains("the async handler has a bug").doesNotContain("CompletionException");
  }

  @Test
  void readsKeyPathParametersAndPrefersLiteralSegments() throws Exception {
    assertThat(json(get("/v2/items/2251799813685249")).get("note").asText()).isEqualTo("2251799813685249");
    assertThat(json(get("/v2/items/special")).get("name").asText()).isEqualTo("special");
  }

  @Test
  void aKeyParameterThatIsNotANumberIsAnInvalidArgumentNamingIt() throws Exception {
    var response = get("/v2/items/abc");

    assertProblem(response, ProblemStatus.INVALID_ARGUMENT, "/v2/items/abc");
    assertThat(json(response).get("detail").asText()).contains("itemKey", "'abc'");
  }

  @Test
  void readsQueryParametersAndHeaders() throws Exception {
    var response = http.send(
        HttpRequest.newBuilder(uri("/v2/query?q=hello%20world")).header("X-Test", "yes").GET().build(),
        BodyHandlers.ofString());

    assertThat(json(response).get("name").asText()).isEqualTo("hello world");
    assertThat(json(response).get("note").asText()).isEqualTo("yes");
  }

  @Test
  void runsBlockingRoutesOffTheNetworkThreads() throws Exception {
    assertThat(get("/v2/blocking").statusCode()).isEqualTo(200);
    assertThat(blockingThread.get()).startsWith("camunda4j-rest-blocking-");
  }

  @Test
  void parsesMultipartAsTheJavaClientSendsIt() throws Exception {
    String boundary = "JavaClientBoundary42";
    String body =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"order.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + "<definitions/>\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n"
            + "<default>\r\n"
            + "--" + boundary + "--\r\n";

    var response = post("/v2/deployments", "multipart/form-data; charset=ISO-8859-1; boundary=" + boundary, body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode parts = json(response);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).get("name").asText()).isEqualTo("resources");
    assertThat(parts.get(0).get("note").asText()).isEqualTo("order.bpmn|application/octet-stream|<definitions/>");
    assertThat(parts.get(1).get("name").asText()).isEqualTo("tenantId");
    assertThat(parts.get(1).get("note").asText()).isEqualTo("null|text/plain|<default>");
  }

  @Test
  void parsesMultipartAsTheTypeScriptSdkSendsIt() throws Exception {
    String boundary = "----formdata-undici-0123456789";
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions>" + "x".repeat(100_000) + "</bpmn:definitions>";
    String body =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"a.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + bpmn + "\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"resources\"; filename=\"b.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + "<b/>\r\n"
            + "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n"
            + "<default>\r\n"
            + "--" + boundary + "--\r\n";

    var response = post("/v2/deployments", "multipart/form-data; boundary=" + boundary, body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode parts = json(response);
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).get("retries").asInt()).isEqualTo(bpmn.getBytes(StandardCharsets.UTF_8).length);
    assertThat(parts.get(0).get("note").asText()).startsWith("a.bpmn|application/xml|<?xml");
    assertThat(parts.get(1).get("note").asText()).isEqualTo("b.bpmn|application/xml|<b/>");
    assertThat(parts.get(2).get("note").asText()).isEqualTo("null|text/plain|<default>");
  }

  @Test
  void multipartIsRequiredWhereTheHandlerReadsParts() throws Exception {
    assertProblem(postJson("/v2/deployments", "{}"), ProblemStatus.UNSUPPORTED_MEDIA_TYPE, "/v2/deployments");
  }

  @Test
  void malformedMultipartIsAnInvalidArgument() throws Exception {
    var response = post("/v2/deployments", "multipart/form-data; boundary=abc",
        "--abc\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"x.bpmn\"\r\n\r\nno end");

    assertProblem(response, ProblemStatus.INVALID_ARGUMENT, "/v2/deployments");
    assertThat(json(response).get("detail").asText()).startsWith("Request body is not valid multipart/form-data");
  }

  @Test
  void runsDisconnectCallbacksWhenTheClientClosesAParkedRequest() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/park", "", "{}");
      assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(parkedRequest.get().isConnected()).isTrue();
    }

    assertThat(disconnected.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(parkedRequest.get().isConnected()).isFalse();
    CountDownLatch lateCallback = new CountDownLatch(1);
    parkedRequest.get().onDisconnect(lateCallback::countDown);
    assertThat(lateCallback.getCount()).as("a callback registered after the disconnect runs at once").isZero();
  }

  @Test
  void runsUndeliveredCallbacksWhenTheReplyIsReadyAfterTheClientLeft() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/park", "", "{}");
      assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(disconnected.await(10, TimeUnit.SECONDS)).isTrue();

    CountDownLatch undelivered = new CountDownLatch(1);
    parkedReply.complete(Reply.json(new Echo("jobs", 1, null)).onUndelivered(undelivered::countDown));

    assertThat(undelivered.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void deliversAReplyCompletedOnAnotherThreadAndSkipsTheCallbacks() throws Exception {
    CountDownLatch undelivered = new CountDownLatch(1);
    var response = http.sendAsync(
        HttpRequest.newBuilder(uri("/v2/park")).POST(BodyPublishers.ofString("{}")).build(), BodyHandlers.ofString());
    assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();

    new Thread(() -> parkedReply.complete(Reply.json(new Echo("late", 2, null)).onUndelivered(undelivered::countDown))).start();

    assertThat(json(response.get(10, TimeUnit.SECONDS)).get("name").asText()).isEqualTo("late");
    assertThat(undelivered.getCount()).isEqualTo(1);
    assertThat(disconnected.getCount()).as("a written reply ends disconnect tracking").isEqualTo(1);
  }

  @Test
  void servesSeveralRequestsOnOneKeepAliveConnection() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/echo", "", "{\"name\":\"first\"}");
      var first = connection.read();
      connection.send("POST", "/v2/echo", "", "{\"name\":\"second\"}");
      var second = connection.read();

      assertThat(first.body()).contains("first");
      assertThat(second.body()).contains("second");
    }
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/park", "", "{}");
      connection.send("POST", "/v2/echo", "", "{\"name\":\"behind\"}");
      assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();
      parkedReply.complete(Reply.json(new Echo("parked", null, null)));

      assertThat(connection.read().body()).contains("parked");
      assertThat(connection.read().body()).contains("behind");
    }
  }

  @Test
  void honoursConnectionClose() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/echo", "Connection: close\r\n", "{\"name\":\"bye\"}");

      var response = connection.read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers()).containsEntry("connection", "close");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void closingTheServerEndsParkedRequestsAndIsIdempotent() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/park", "", "{}");
      assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();

      server.close();
      server.close();

      assertThat(disconnected.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  @Test
  void aReplyReadyAfterTheServerStoppedIsReportedUndelivered() throws Exception {
    try (var connection = new RawHttpConnection(server.port())) {
      connection.send("POST", "/v2/park", "", "{}");
      assertThat(parked.await(10, TimeUnit.SECONDS)).isTrue();
      server.close();
    }
    CountDownLatch undelivered = new CountDownLatch(1);

    parkedReply.complete(Reply.json(new Echo("jobs", 1, null)).onUndelivered(undelivered::countDown));

    assertThat(undelivered.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aRouteCannotBeRegisteredTwice() {
    Router router = new Router().route("GET", "/v2/a/{x}", request -> null);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> router.route("GET", "/v2/a/{y}", request -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void aHandlerSeesTheTreeOfTheBody() throws Exception {
    assertThat(postJson("/v2/tree", "{\"a\":[1,null]}").body()).isEqualTo("{\"a\":[1,null]}");
  }

}
