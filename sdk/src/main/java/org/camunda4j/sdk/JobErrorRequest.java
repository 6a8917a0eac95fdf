package org.camunda4j.sdk;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /jobs/{key}/error}: a BPMN error code, message and variables. */
public record JobErrorRequest(String errorCode, @Nullable String errorMessage, @Nullable Map<String, Object> variables) {

  public JobErrorRequest {
    if (errorCode == null || errorCode.isBlank()) {
      throw new IllegalArgumentException("a BPMN error needs a non-blank errorCode");
    }
  }

  public static JobErrorRequest of(String errorCode, String errorMessage) {
    return new JobErrorRequest(errorCode, errorMessage, null);
  }
}
