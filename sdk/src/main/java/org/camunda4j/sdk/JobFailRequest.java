package org.camunda4j.sdk;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /jobs/{key}/failure}: retries left (0 raises an incident), message, backoff. */
public record JobFailRequest(String errorMessage, int retries, Duration retryBackOff, @Nullable Map<String, Object> variables) {

  public JobFailRequest {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, was " + retries);
    }
  }

  public static JobFailRequest of(String errorMessage, int retries) {
    return new JobFailRequest(errorMessage, retries, Duration.ZERO, null);
  }
}
