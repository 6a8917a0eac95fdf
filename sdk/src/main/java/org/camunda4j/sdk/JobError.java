package org.camunda4j.sdk;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown (or returned) by a handler to throw a BPMN error. The {@code errorCode} is matched against
 * error catch events; when none matches the engine raises an incident. Carries no stack trace.
 */
public class JobError extends RuntimeException {

  private final String errorCode;
  private final transient @Nullable Map<String, Object> variables;

  public JobError(String errorCode) {
    this(errorCode, "", null);
  }

  public JobError(String errorCode, @Nullable String message) {
    this(errorCode, message, null);
  }

  /**
   * @param errorCode matched against BPMN error catch events; must not be blank
   * @param message optional diagnostic message
   * @param variables set on the scope of the catching event; {@code null} for none
   */
  public JobError(String errorCode, @Nullable String message, @Nullable Map<String, Object> variables) {
    super(message == null ? "" : message, null, false, false);
    if (errorCode == null || errorCode.isBlank()) {
      throw new IllegalArgumentException("JobError needs a non-blank errorCode");
    }
    this.errorCode = errorCode;
    this.variables = variables;
  }

  public String errorCode() {
    return errorCode;
  }

  public @Nullable Map<String, Object> variables() {
    return variables;
  }
}
