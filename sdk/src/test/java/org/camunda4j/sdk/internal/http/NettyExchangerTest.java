package org.camunda4j.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.camunda4j.sdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's HTTP client on its own, against a scripted server. */
class NettyExchangerTest {

  private final StubServer stub = new StubServer();
  private static final int CAP = 16;
  private final NettyExchanger http = new NettyExchanger(Duration.ofSeconds(30), "test-agent", null, CAP);

  @AfterEach
  void close() {
    http.close();
    stub.close();
  }

  private HttpExchanger.Request post(String path, String json, Duration timeout) {
    return new HttpExchanger.Request("POST", URI.create(stub.address() + path), "Bearer t", "application/json",
        json.getBytes(StandardCharsets.UTF_8), timeout);
  }

  @Test
  void sendsMethodPathHeadersAndBodyAndReturnsStatusTypeAndBody() throws Exception {
    java.util.Map<String, String> headers = new java.util.concurrent.ConcurrentHashMap<>();
    stub.on("POST", "/v2/echo").otherwise(exchange -> {
      for (String name : List.of("Authorization", "Accept", "User-Agent", "Content-Type", "Camunda4j-Cluster-Id")) {
        headers.put(name, exchange.getRequestHeaders().getFirst(name));
      }
      StubServer.json(201, "{\"ok\":true}").respond(exchange);
    });
    HttpExchanger.Request request = new HttpExchanger.Request("POST", URI.create(stub.address() + "/v2/echo"), "Bearer t",
        "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30),
        java.util.Map.of("Camunda4j-Cluster-Id", "cluster-1"));

    HttpExchanger.Response response = http.exchange(request).get();

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    assertThat(stub.requests("POST", "/v2/echo").getFirst().body()).isEqualTo("{\"a\":1}");
    assertThat(headers).containsEntry("Authorization", "Bearer t").containsEntry("Accept", HttpExchanger.ACCEPT)
        .containsEntry("User-Agent", "test-agent").containsEntry("Content-Type", "application/json")
        .containsEntry("Camunda4j-Cluster-Id", "cluster-1");
  }

  @Test
  void moreExchangesThanTheConnectionCapWaitForAFreeConnectionAndAllComplete() {
    CountDownLatch release = new CountDownLatch(1);
    stub.on("POST", "/v2/slow").otherwise(StubServer.holdUntil(release, StubServer.noContent()));
    int count = CAP * 3;

    List<CompletableFuture<HttpExchanger.Response>> answers = IntStream.range(0, count)
        .mapToObj(i -> http.exchange(post("/v2/slow", "{}", Duration.ofSeconds(30)))).toList();
    org.camunda4j.sdk.testing.Await.until("the cap to be reached",
        () -> stub.requests("POST", "/v2/slow").size() == CAP);
    assertThat(http.openConnections()).isEqualTo(CAP);
    release.countDown();

    assertThat(answers).allSatisfy(answer -> assertThat(answer.join().status()).isEqualTo(204));
    assertThat(stub.requests("POST", "/v2/slow")).hasSize(count);
    assertThat(http.openConnections()).isLessThanOrEqualTo(CAP);
  }

  @Test
  void aRequestWithoutAnswerTimesOut() {
    CountDownLatch never = new CountDownLatch(1);
    stub.on("POST", "/v2/hang").otherwise(StubServer.holdUntil(never, StubServer.noContent()));

    CompletableFuture<HttpExchanger.Response> answer = http.exchange(post("/v2/hang", "{}", Duration.ofMillis(300)));

    assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpTimeoutException.class);
    never.countDown();
    assertThat(http.connectionsLost()).as("closing on our own timeout loses no connection").isZero();
  }

  @Test
  void aDroppedConnectionFailsTheExchangeAndTheNextOneGetsAFreshConnection() throws Exception {
    stub.on("POST", "/v2/flaky").thenRespond(StubServer.dropConnection()).otherwise(StubServer.noContent());

    assertThatThrownBy(() -> http.exchange(post("/v2/flaky", "{}", Duration.ofSeconds(30))).get())
        .isInstanceOf(ExecutionException.class);
    assertThat(http.connectionsLost()).as("the server dropped it").isPositive();
    assertThat(http.exchange(post("/v2/flaky", "{}", Duration.ofSeconds(30))).get().status()).isEqualTo(204);
  }

  @Test
  void aRefusedConnectionCountsAsLost() throws Exception {
    URI nobody;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      nobody = URI.create("http://127.0.0.1:" + probe.getLocalPort() + "/v2/topology");
    }
    HttpExchanger.Request request = new HttpExchanger.Request("GET", nobody, null, null, null, Duration.ofSeconds(5));

    assertThatThrownBy(() -> http.exchange(request).get()).isInstanceOf(ExecutionException.class);
    assertThat(http.connectionsLost()).isEqualTo(1);
  }
}
