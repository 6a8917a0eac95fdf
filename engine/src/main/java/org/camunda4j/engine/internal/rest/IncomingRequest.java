package org.camunda4j.engine.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Request} received by the server. The body is copied out of Netty's buffers on arrival,
 * so the object is independent of the network and safe to use from any thread.
 */
final class IncomingRequest implements Request {

  private static final Logger LOG = LoggerFactory.getLogger(IncomingRequest.class);

  private final String method;
  private final String uri;
  private final String rawPath;
  private final String path;
  private final HttpHeaders headers;
  private final Map<String, List<String>> query;
  private final byte[] body;
  private final long receivedNanos = System.nanoTime();
  private Map<String, String> pathParams = Map.of();
  private volatile Caller caller = Caller.ANONYMOUS;

  // Connection state, guarded by `this`: callbacks may be registered from any thread while the
  // network thread reports the disconnect or the written reply.
  private final List<Runnable> disconnectCallbacks = new ArrayList<>();
  private boolean disconnected;
  private boolean replied;

  IncomingRequest(
      String method,
      String uri,
      String rawPath,
      String path,
      HttpHeaders headers,
      Map<String, List<String>> query,
      byte[] body) {
    this.method = method;
    this.uri = uri;
    this.rawPath = rawPath;
    this.path = path;
    this.headers = headers;
    this.query = query;
    this.body = body;
  }

  private volatile Actor actor = Actor.ANONYMOUS;

  @Override
  public Actor actor() {
    return actor;
  }

  @Override
  public void actor(Actor actor) {
    this.actor = actor;
  }

  void caller(Caller caller) {
    this.caller = caller;
  }

  @Override
  public Caller caller() {
    return caller;
  }

  void pathParams(Map<String, String> pathParams) {
    this.pathParams = Map.copyOf(pathParams);
  }

  /** The request target as received, path still percent-encoded, with the query string. */
  String uri() {
    return uri;
  }

  /** The path as received, still percent-encoded, without the query string: what routing splits. */
  String rawPath() {
    return rawPath;
  }

  long receivedNanos() {
    return receivedNanos;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "The route has no path parameter '" + name + "'; it has " + pathParams.keySet());
    }
    return value;
  }

  @Override
  public long keyParam(String name) {
    String value = pathParam(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument(
          "The value for " + name + " is '" + value + "' but must be a numeric key.");
    }
  }

  @Override
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public <T> T body(Class<T> type) {
    requireJson();
    T value = Json.readBody(body, type);
    if (value instanceof Validatable validatable) {
      validatable.validate();
    }
    return value;
  }

  @Override
  public JsonNode bodyTree() {
    requireJson();
    return Json.readTree(body);
  }

  @Override
  public List<Part> parts() {
    String contentType = header(HttpHeaderNames.CONTENT_TYPE.toString());
    if (contentType == null || !mediaType(contentType).equals("multipart/form-data")) {
      throw new ApiException(
          ProblemStatus.UNSUPPORTED_MEDIA_TYPE,
          "Expected a multipart/form-data body, but the Content-Type is '" + contentType + "'.");
    }
    return Multipart.decode(uri, headers, body);
  }

  @Override
  public Map<String, String> form() {
    String contentType = header(HttpHeaderNames.CONTENT_TYPE.toString());
    if (contentType == null || !mediaType(contentType).equals("application/x-www-form-urlencoded")) {
      throw new ApiException(
          ProblemStatus.UNSUPPORTED_MEDIA_TYPE,
          "Expected an application/x-www-form-urlencoded body, but the Content-Type is '" + contentType + "'.");
    }
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    new io.netty.handler.codec.http.QueryStringDecoder(new String(body, java.nio.charset.StandardCharsets.UTF_8), false)
        .parameters()
        .forEach((name, values) -> fields.put(name, values.get(0)));
    return fields;
  }

  /**
   * JSON, any {@code +json} type, or no content type at all (some scripts omit it) are accepted.
   */
  private void requireJson() {
    String contentType = header(HttpHeaderNames.CONTENT_TYPE.toString());
    if (contentType == null) {
      return;
    }
    String media = mediaType(contentType);
    if (!media.equals("application/json") && !media.endsWith("+json")) {
      throw new ApiException(
          ProblemStatus.UNSUPPORTED_MEDIA_TYPE,
          "Expected an application/json body, but the Content-Type is '" + contentType + "'.");
    }
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized boolean isConnected() {
    return !disconnected;
  }

  @Override
  public void onDisconnect(Runnable callback) {
    synchronized (this) {
      if (!disconnected) {
        if (!replied) {
          disconnectCallbacks.add(callback);
        }
        return;
      }
    }
    runQuietly(callback);
  }

  /** The connection closed; runs the callbacks unless the reply was already written. */
  void disconnected() {
    List<Runnable> toRun;
    synchronized (this) {
      if (disconnected) {
        return;
      }
      disconnected = true;
      toRun = replied ? List.of() : List.copyOf(disconnectCallbacks);
      disconnectCallbacks.clear();
    }
    toRun.forEach(IncomingRequest::runQuietly);
  }

  /** The reply is being written: from now on a disconnect is reported as an undelivered reply. */
  synchronized void replying() {
    replied = true;
    disconnectCallbacks.clear();
  }

  static void runQuietly(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("A connection callback failed", e);
    }
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
