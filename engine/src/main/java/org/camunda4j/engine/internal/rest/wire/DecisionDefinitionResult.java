package org.camunda4j.engine.internal.rest.wire;

/** A deployed decision, as {@code GET /v2/decision-definitions/{key}} and the search answer it. */
public record DecisionDefinitionResult(
    String decisionDefinitionId,
    String decisionDefinitionKey,
    String decisionRequirementsId,
    String decisionRequirementsKey,
    String decisionRequirementsName,
    int decisionRequirementsVersion,
    String name,
    String tenantId,
    int version) {}
