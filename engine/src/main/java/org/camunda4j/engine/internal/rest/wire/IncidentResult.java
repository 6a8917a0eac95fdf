package org.camunda4j.engine.internal.rest.wire;

/**
 * {@code GET /v2/incidents/{incidentKey}}, and each item of {@code POST /v2/incidents/search} (8.9).
 *
 * @param jobKey {@code null} for incidents not raised by a job
 */
public record IncidentResult(
    String processDefinitionId,
    IncidentErrorType errorType,
    String errorMessage,
    String elementId,
    String creationTime,
    IncidentState state,
    String tenantId,
    String incidentKey,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String elementInstanceKey,
    String jobKey) {}
