package org.camunda4j.engine.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request, fully received. Safe to use from any thread; the body is decoded on demand and
 * every decoding problem surfaces as an {@link ApiException} the server turns into a 4xx problem.
 */
public interface Request {

  /** The method in upper case, e.g. {@code POST}. */
  String method();

  /** The decoded path without the query string, e.g. {@code /v2/jobs/123/completion}. */
  String path();

  /** Who sent the request: {@link Caller#ANONYMOUS} without authentication. */
  Caller caller();

  /** The first value of a header (case-insensitive name), or {@code null}. */
  String header(String name);

  /** A path parameter of the matched route template, e.g. {@code jobKey} for {@code {jobKey}}. */
  String pathParam(String name);

  /**
   * A path parameter that must be a decimal engine key.
   *
   * @throws ApiException INVALID_ARGUMENT naming the parameter if it is not a valid long
   */
  long keyParam(String name);

  /** The first value of a query parameter. */
  Optional<String> queryParam(String name);

  /**
   * The JSON body decoded into {@code type}. An empty body decodes as {@code {}}; bodies of a
   * {@link Validatable} type are validated.
   *
   * @throws ApiException 415 if the body is not JSON, 400 if it is malformed or does not fit
   */
  <T> T body(Class<T> type);

  /** The JSON body as a tree; an empty body is an empty object. */
  JsonNode bodyTree();

  /**
   * The parts of a {@code multipart/form-data} body, in order.
   *
   * @throws ApiException 415 if the body is not multipart, 400 if it is malformed
   */
  List<Part> parts();

  /**
   * The fields of an {@code application/x-www-form-urlencoded} body (first value of each).
   *
   * @throws ApiException 415 if the body is not form-encoded
   */
  java.util.Map<String, String> form();

  /** Who sent the request, as the authentication found it; {@link Actor#ANONYMOUS} when nobody is authenticated. */
  Actor actor();

  /** Set by the authentication before the request is routed. */
  void actor(Actor actor);

  /** False once the client has closed the connection. */
  boolean isConnected();

  /**
   * Runs {@code callback} once if the connection closes before the reply is written; at once if
   * it is already closed; never if the reply was written first. Callbacks run on a network
   * thread and must be quick.
   */
  void onDisconnect(Runnable callback);
}
