package org.camunda4j.sdk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A scripted HTTP server for failure injection: each route answers from a queue of scripted
 * responses, then with its fallback. Records every request. Runs on loopback and a free port.
 */
public final class StubServer implements AutoCloseable {

  /** One recorded request. */
  public record Request(String method, String path, String body, long receivedAtNanos) {}

  /** How to answer one request. */
  @FunctionalInterface
  public interface Responder {
    void respond(HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Route> routes = new ArrayList<>();

  public StubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A route matching the method and a regex over the path (which includes /v2). */
  public synchronized Route on(String method, String pathRegex) {
    Route route = new Route(method, Pattern.compile(pathRegex));
    routes.add(route);
    return route;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return requests.stream().filter(r -> r.method.equals(method) && pattern.matcher(r.path).matches()).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(exchange.getRequestMethod(), path, body, System.nanoTime()));
    Responder responder = null;
    synchronized (this) {
      for (Route route : routes) {
        if (route.method.equals(exchange.getRequestMethod()) && route.path.matcher(path).matches()) {
          responder = route.next();
          break;
        }
      }
    }
    try {
      if (responder == null) {
        send(exchange, 404, "application/problem+json",
            "{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"no stub route\"}");
      } else {
        responder.respond(exchange);
      }
    } catch (IOException e) {
      throw e; // the server closes the connection without an answer
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** A route: scripted answers first, then the fallback. */
  public static final class Route {
    private final String method;
    private final Pattern path;
    private final Deque<Responder> script = new ArrayDeque<>();
    private Responder fallback = noContent();

    private Route(String method, Pattern path) {
      this.method = method;
      this.path = path;
    }

    public Route thenRespond(Responder... responders) {
      synchronized (this) {
        script.addAll(List.of(responders));
      }
      return this;
    }

    public Route otherwise(Responder responder) {
      this.fallback = responder;
      return this;
    }

    private synchronized Responder next() {
      Responder scripted = script.poll();
      return scripted != null ? scripted : fallback;
    }
  }

  // --- responders

  public static Responder json(int status, String body) {
    return exchange -> send(exchange, status, "application/json", body);
  }

  public static Responder problem(int status, String title, String detail) {
    return exchange -> send(exchange, status, "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
  }

  public static Responder noContent() {
    return exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    };
  }

  /** Closes the connection without any answer. */
  public static Responder dropConnection() {
    return exchange -> {
      throw new IOException("stub drops the connection");
    };
  }

  /** Waits, then answers with {@code then}. */
  public static Responder after(Duration delay, Responder then) {
    return exchange -> {
      Thread.sleep(delay.toMillis());
      then.respond(exchange);
    };
  }

  /** Waits until the latch opens (or 60 s), then answers with {@code then}. */
  public static Responder holdUntil(CountDownLatch latch, Responder then) {
    return exchange -> {
      latch.await(60, TimeUnit.SECONDS);
      then.respond(exchange);
    };
  }

  public static Responder noJobs() {
    return json(200, "{\"jobs\":[]}");
  }

  /** An empty long poll of the given length, as a real server answers when no job comes. */
  public static Responder emptyLongPoll(Duration length) {
    return after(length, noJobs());
  }

  public static Responder jobs(String... jobJson) {
    return json(200, "{\"jobs\":[" + String.join(",", jobJson) + "]}");
  }

  /** An activated job in the 8.9 shape. */
  public static String job(long key, String type, int retries, String variablesJson) {
    return """
        {"jobKey":"%d","type":"%s","processDefinitionId":"p","processDefinitionVersion":1,
         "processDefinitionKey":"2251799813685249","processInstanceKey":"2251799813685250",
         "rootProcessInstanceKey":null,"elementId":"Task","elementInstanceKey":"2251799813685251",
         "customHeaders":{},"worker":"w","retries":%d,"deadline":%d,"variables":%s,"tenantId":"<default>",
         "kind":"BPMN_ELEMENT","listenerEventType":"UNSPECIFIED","userTask":null,"tags":[]}
        """.formatted(key, type, retries, System.currentTimeMillis() + 60_000, variablesJson);
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
