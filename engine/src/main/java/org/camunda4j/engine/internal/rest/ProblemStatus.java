package org.camunda4j.engine.internal.rest;

/**
 * The engine/gateway status names the REST API puts in a problem's {@code title}, with their HTTP
 * status. Clients key their retry decisions on the title (e.g. 503 is retried only when the title
 * is {@code RESOURCE_EXHAUSTED}), so the name is part of the wire contract.
 */
public enum ProblemStatus {
  INVALID_ARGUMENT(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  ALREADY_EXISTS(409),
  INVALID_STATE(409),
  /** A precondition the request states does not hold, e.g. that a job came from this cluster. */
  FAILED_PRECONDITION(412),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  INTERNAL(500),
  ABORTED(502),
  RESOURCE_EXHAUSTED(503),
  UNAVAILABLE(503),
  DEADLINE_EXCEEDED(504);

  private final int httpStatus;

  ProblemStatus(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
