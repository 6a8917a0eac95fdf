package org.camunda4j.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The result of a user-task listener job: corrections to the task, or a denial of the transition.
 * Denial and corrections together are rejected by the engine.
 */
public record JobResultUserTask(@Nullable Boolean denied, @Nullable String deniedReason, @Nullable JobResultCorrections corrections)
    implements JobResult {

  /** Accept the transition and correct the given attributes. */
  public static JobResultUserTask correct(JobResultCorrections corrections) {
    return new JobResultUserTask(null, null, corrections);
  }

  /** Deny the transition (only ASSIGNING, UPDATING and COMPLETING listeners may deny). */
  public static JobResultUserTask deny(String reason) {
    return new JobResultUserTask(true, reason, null);
  }

  /** The wire discriminator. */
  @JsonProperty("type")
  public String type() {
    return "userTask";
  }
}
