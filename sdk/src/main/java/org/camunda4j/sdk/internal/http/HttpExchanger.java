package org.camunda4j.sdk.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one seam between the SDK and an HTTP library: a single exchange, bytes in and bytes out. Retries,
 * auth, JSON and problem handling stay in {@link HttpTransport}, so swapping the library (the
 * benchmarks compare several) touches nothing else.
 *
 * <p>Contract: the future completes with the whole response, or exceptionally with the I/O error
 * ({@link java.net.http.HttpTimeoutException} style timeouts included); cancelling it aborts the
 * exchange. Completion may run on the library's I/O thread, so callers keep their callbacks short.
 */
public interface HttpExchanger extends AutoCloseable {

  CompletableFuture<Response> exchange(Request request);

  /**
   * How many connections the server closed, reset or refused so far (our own closes, timeouts and
   * cancellations not counted). A worker compares it with the count when a job arrived to tell
   * whether the server may have been replaced since. An exchanger that cannot tell answers 0.
   */
  default long connectionsLost() {
    return 0;
  }

  /** Closes connections and I/O threads; exchanges in flight fail. */
  @Override
  void close();

  /**
   * {@code authorization}, {@code contentType} and {@code body} may be null; {@code headers} are
   * sent as well (e.g. the cluster a job came from, on its outcome).
   */
  record Request(String method, URI uri, String authorization, String contentType, byte[] body, Duration timeout,
      Map<String, String> headers) {

    public Request(String method, URI uri, String authorization, String contentType, byte[] body, Duration timeout) {
      this(method, uri, authorization, contentType, body, timeout, Map.of());
    }
  }

  /**
   * {@code contentType} is "" when the answer had none; {@code headers} reads the others (e.g. the
   * cluster that handed out the jobs of an activation).
   */
  record Response(int status, String contentType, byte[] body, Headers headers) {

    /** The first value of the response header {@code name} (any case), or null when absent. */
    public String header(String name) {
      return headers.first(name);
    }
  }

  /** Reads a response's headers lazily: most answers are never asked for one, so none is copied. */
  @FunctionalInterface
  interface Headers {
    /** The first value of {@code name} (any case), or null when absent. */
    String first(String name);
  }

  /** The value of every request's Accept header: JSON, and problem+json for errors. */
  String ACCEPT = "application/json, application/problem+json";
}
