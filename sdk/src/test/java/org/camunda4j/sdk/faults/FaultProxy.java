package org.camunda4j.sdk.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * An HTTP proxy between workers and a real engine that injects faults: it answers for the engine
 * (503 RESOURCE_EXHAUSTED, 500) without forwarding, forwards and then drops the connection so the
 * answer is lost, delays, or stops listening altogether (connection refused) for a while.
 */
final class FaultProxy implements AutoCloseable {

  /** What to do with one request. */
  enum Fault { NONE, RESOURCE_EXHAUSTED, INTERNAL_ERROR_UNSEEN, ANSWER_LOST, SLOW }

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade");

  private final URI target;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private volatile BiFunction<String, String, Fault> policy = (method, path) -> Fault.NONE;
  private volatile Duration slowness = Duration.ofMillis(300);
  private volatile BiConsumer<String, Integer> onAnswer = (path, status) -> {};
  private volatile HttpServer server;
  final AtomicInteger injected = new AtomicInteger();
  final AtomicInteger answersLost = new AtomicInteger();
  final AtomicInteger activationsForwarded = new AtomicInteger();

  FaultProxy(URI engineRestAddress) {
    this.target = engineRestAddress;
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  URI address() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Decides the fault of every request from its method and path. */
  void policy(BiFunction<String, String, Fault> policy) {
    this.policy = policy;
  }

  /** Hears the path and status of every answer the engine gave that the proxy passes on. */
  void onAnswer(BiConsumer<String, Integer> onAnswer) {
    this.onAnswer = onAnswer;
  }

  void slowness(Duration slowness) {
    this.slowness = slowness;
  }

  /** Stops listening: connections are refused until {@link #resume()}. */
  void refuseConnections() {
    server.stop(0);
  }

  void resume() {
    server = listen(port);
  }

  private HttpServer listen(int onPort) {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 200);
      created.createContext("/", this::handle);
      created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      created.start();
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Fault fault = policy.apply(method, path);
    if (fault != Fault.NONE) {
      injected.incrementAndGet();
    }
    try {
      switch (fault) {
        case RESOURCE_EXHAUSTED -> {
          answer(exchange, 503, "application/problem+json", problem(503, "RESOURCE_EXHAUSTED", "injected backpressure"));
          return;
        }
        case INTERNAL_ERROR_UNSEEN -> {
          answer(exchange, 500, "application/problem+json", problem(500, "INTERNAL", "injected failure, never forwarded"));
          return;
        }
        case SLOW -> Thread.sleep(slowness.toMillis());
        default -> { }
      }
      if (path.endsWith("/jobs/activation")) {
        activationsForwarded.incrementAndGet();
      }
      HttpResponse<byte[]> response = forward(exchange, method, body);
      if (fault == Fault.ANSWER_LOST) {
        answersLost.incrementAndGet();
        // The engine has processed the request; the client never hears back.
        throw new IOException("injected: connection dropped after the engine answered");
      }
      onAnswer.accept(path, response.statusCode());
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          exchange.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      exchange.getResponseBody().write(response.body());
      exchange.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, String method, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(60))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] problem(int status, String title, String detail) {
    return ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
        + "\",\"instance\":\"/\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    http.shutdownNow(); // close() would wait for every forwarded long poll to run out
  }
}
