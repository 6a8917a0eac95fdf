package org.camunda4j.sdk;

/**
 * The cluster answered with an error status. Carries the RFC 9457 problem; branch on {@link #status()}
 * or the helpers ({@link #isNotFound()}, {@link #isConflict()}, ...).
 */
public class CamundaApiException extends CamundaException {

  private final String operation;
  private final ProblemDetail problem;

  public CamundaApiException(String operation, ProblemDetail problem) {
    super(describe(operation, problem));
    this.operation = operation;
    this.problem = problem;
  }

  private static String describe(String operation, ProblemDetail problem) {
    StringBuilder text = new StringBuilder(operation).append(" failed with ").append(problem.status());
    if (problem.title() != null) {
      text.append(' ').append(problem.title());
    }
    if (problem.detail() != null && !problem.detail().isBlank()) {
      text.append(": ").append(problem.detail());
    }
    return text.toString();
  }

  /** The operation that failed, e.g. {@code POST /v2/jobs/123/completion}. */
  public String operation() {
    return operation;
  }

  public ProblemDetail problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  public String title() {
    return problem.title();
  }

  public String detail() {
    return problem.detail();
  }

  public boolean isNotFound() {
    return status() == 404;
  }

  public boolean isConflict() {
    return status() == 409;
  }

  public boolean isBadRequest() {
    return status() == 400;
  }

  public boolean isUnauthorized() {
    return status() == 401;
  }

  /** 429, or 503/500 titled or detailed RESOURCE_EXHAUSTED: the cluster asks callers to slow down. */
  public boolean isBackpressure() {
    if (status() == 429) {
      return true;
    }
    boolean exhausted = mentionsResourceExhausted();
    return (status() == 503 && (exhausted || problem.title() == null)) || (status() == 500 && exhausted);
  }

  /** Whether a caller may try the same request again after a pause (429, 502, 503, 504). */
  public boolean isTransient() {
    return status() == 429 || status() == 502 || status() == 503 || status() == 504;
  }

  private boolean mentionsResourceExhausted() {
    return contains(problem.title()) || contains(problem.detail());
  }

  private static boolean contains(String text) {
    return text != null && text.contains("RESOURCE_EXHAUSTED");
  }
}
