package org.camunda4j.engine.internal.processing;

import java.util.List;

/**
 * A validated job activation.
 *
 * @param requestTimeoutMillis how long to wait for jobs when none are there; negative answers at once
 */
public record ActivationRequest(
    String type, String worker, long timeoutMillis, int maxJobsToActivate, List<String> fetchVariables, List<String> tenantIds,
    long requestTimeoutMillis) {}
