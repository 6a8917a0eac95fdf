package org.camunda4j.sdk;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (or returned) by a handler to fail its job explicitly.
 *
 * <pre>{@code throw new JobFailure("Missing required field", 2, Duration.ofSeconds(5));}</pre>
 *
 * <p>{@code retries == null} means "the job's current retries minus one" (floored at 0); at 0 the
 * engine raises an incident. It carries no stack trace: it is an outcome, not a bug.
 */
public class JobFailure extends RuntimeException {

  private final @Nullable Integer retries;
  private final @Nullable Duration retryBackOff;
  private final transient @Nullable Map<String, Object> variables;

  public JobFailure(String message) {
    this(message, null, Duration.ZERO, null);
  }

  public JobFailure(String message, @Nullable Integer retries, @Nullable Duration retryBackOff) {
    this(message, retries, retryBackOff, null);
  }

  /**
   * @param message the failure message (the incident message when retries run out)
   * @param retries remaining retries; {@code null} = current retries − 1
   * @param retryBackOff how long the engine waits before the job can be activated again
   * @param variables set on the task's local scope; {@code null} for none
   */
  public JobFailure(String message, @Nullable Integer retries, @Nullable Duration retryBackOff,
      @Nullable Map<String, Object> variables) {
    super(message, null, false, false);
    if (message == null) {
      throw new IllegalArgumentException("JobFailure needs a message");
    }
    if (retries != null && retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, was " + retries);
    }
    if (retryBackOff != null && retryBackOff.isNegative()) {
      throw new IllegalArgumentException("retryBackOff must not be negative, was " + retryBackOff);
    }
    this.retries = retries;
    this.retryBackOff = retryBackOff == null ? Duration.ZERO : retryBackOff;
    this.variables = variables;
  }

  /** Remaining retries, or {@code null} for "current minus one". */
  public @Nullable Integer retries() {
    return retries;
  }

  public @Nullable Duration retryBackOff() {
    return retryBackOff;
  }

  public @Nullable Map<String, Object> variables() {
    return variables;
  }
}
