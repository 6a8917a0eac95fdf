package org.camunda4j.engine.internal.rest;

import java.util.Map;
import java.util.Objects;

/**
 * A failure that the REST layer turns into an RFC 9457 problem with this status and detail.
 * Throw it from a handler, or complete the handler's stage exceptionally with it.
 */
public final class ApiException extends RuntimeException {

  private final ProblemStatus status;
  private final Map<String, String> headers;

  public ApiException(ProblemStatus status, String detail) {
    this(status, detail, Map.of());
  }

  /** A problem answered with these extra response headers, e.g. {@code WWW-Authenticate} on a 401. */
  public ApiException(ProblemStatus status, String detail, Map<String, String> headers) {
    super(detail);
    this.status = Objects.requireNonNull(status, "status");
    this.headers = Map.copyOf(headers);
  }

  public ApiException(ProblemStatus status, String detail, Throwable cause) {
    super(detail, cause);
    this.status = Objects.requireNonNull(status, "status");
    this.headers = Map.of();
  }

  public static ApiException invalidArgument(String detail) {
    return new ApiException(ProblemStatus.INVALID_ARGUMENT, detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(ProblemStatus.NOT_FOUND, detail);
  }

  public static ApiException invalidState(String detail) {
    return new ApiException(ProblemStatus.INVALID_STATE, detail);
  }

  public ProblemStatus status() {
    return status;
  }

  /** Extra response headers. */
  public Map<String, String> headers() {
    return headers;
  }

  /** What the client should know or fix; becomes the problem's {@code detail}. */
  public String detail() {
    return getMessage();
  }
}
