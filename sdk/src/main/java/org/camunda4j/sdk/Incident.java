package org.camunda4j.sdk;

import java.time.OffsetDateTime;

/** An incident as {@code POST /incidents/search} returns it. */
public record Incident(
    long incidentKey,
    String processDefinitionId,
    String errorType,
    String errorMessage,
    String elementId,
    OffsetDateTime creationTime,
    String state,
    String tenantId,
    Long processDefinitionKey,
    Long processInstanceKey,
    Long elementInstanceKey,
    Long jobKey) {}
