package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.function.Predicate;

/**
 * A validated job activation.
 *
 * @param requestTimeoutMillis how long to wait for jobs when none are there; negative answers at once
 * @param processIds the BPMN process ids whose jobs the caller may take (its authorizations); the
 *     others stay for workers that may
 */
public record ActivationRequest(
    String type, String worker, long timeoutMillis, int maxJobsToActivate, List<String> fetchVariables, List<String> tenantIds,
    long requestTimeoutMillis, Predicate<String> processIds) {

  /** An activation of jobs of any process. */
  public ActivationRequest(
      String type, String worker, long timeoutMillis, int maxJobsToActivate, List<String> fetchVariables, List<String> tenantIds,
      long requestTimeoutMillis) {
    this(type, worker, timeoutMillis, maxJobsToActivate, fetchVariables, tenantIds, requestTimeoutMillis, processId -> true);
  }
}
