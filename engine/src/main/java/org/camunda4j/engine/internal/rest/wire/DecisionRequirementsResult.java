package org.camunda4j.engine.internal.rest.wire;

/** A deployed decision requirements graph, as {@code GET /v2/decision-requirements/{key}} and the search answer it. */
public record DecisionRequirementsResult(
    String decisionRequirementsId,
    String decisionRequirementsKey,
    String decisionRequirementsName,
    String resourceName,
    String tenantId,
    int version) {}
