package org.camunda4j.sdk;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The changeset of {@code PATCH /jobs/{key}}: new retries and/or a new timeout (deadline = now + timeout). */
public record JobUpdateRequest(@Nullable Integer retries, @Nullable Duration timeout) {

  public JobUpdateRequest {
    if (retries == null && timeout == null) {
      throw new IllegalArgumentException("a job update needs retries or a timeout");
    }
    if (retries != null && retries < 1) {
      throw new IllegalArgumentException("retries must be positive, was " + retries);
    }
  }

  public static JobUpdateRequest retries(int retries) {
    return new JobUpdateRequest(retries, null);
  }

  public static JobUpdateRequest timeout(Duration timeout) {
    return new JobUpdateRequest(null, timeout);
  }
}
