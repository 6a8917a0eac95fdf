package org.camunda4j.engine.internal.rest;

/**
 * The RFC 9457 body of every error response ({@code application/problem+json}).
 *
 * @param type always {@code about:blank}: the Java client requires a valid URI here
 * @param title the status name, e.g. {@code NOT_FOUND}
 * @param status the HTTP status
 * @param detail what went wrong and what to fix
 * @param instance the request path
 */
public record Problem(String type, String title, int status, String detail, String instance) {

  public static Problem of(ProblemStatus status, String detail, String instance) {
    return new Problem("about:blank", status.name(), status.httpStatus(), detail, instance);
  }
}
