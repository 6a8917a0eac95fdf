package org.camunda4j.sdk;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of a job completion. Returned from a handler it is sent exactly as given; that is how a
 * user-task listener corrects or denies (see {@link JobResultUserTask}).
 *
 * @param variables merged into the process; {@code null} for none
 * @param result listener or ad-hoc result; {@code null} for a plain completion
 */
public record JobCompletionRequest(@Nullable Map<String, Object> variables, @Nullable JobResult result) {

  public JobCompletionRequest(JobResult result) {
    this(null, result);
  }

  public static JobCompletionRequest withVariables(Map<String, Object> variables) {
    return new JobCompletionRequest(variables, null);
  }

  public static JobCompletionRequest empty() {
    return new JobCompletionRequest(null, null);
  }
}
