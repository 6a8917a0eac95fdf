package org.camunda4j.engine.internal.rest.wire;

/**
 * {@code GET /v2/process-definitions/{processDefinitionKey}}, and each item of {@code POST
 * /v2/process-definitions/search} (8.9).
 */
public record ProcessDefinitionResult(
    String name,
    String resourceName,
    int version,
    String versionTag,
    String processDefinitionId,
    String tenantId,
    String processDefinitionKey,
    boolean hasStartForm) {}
