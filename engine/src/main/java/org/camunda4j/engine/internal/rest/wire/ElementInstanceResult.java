package org.camunda4j.engine.internal.rest.wire;

/**
 * {@code GET /v2/element-instances/{elementInstanceKey}}, and each item of {@code POST
 * /v2/element-instances/search} (8.9).
 *
 * @param endDate {@code null} while the element instance is active
 * @param incidentKey the element instance's active incident, or {@code null}
 */
public record ElementInstanceResult(
    String processDefinitionId,
    String startDate,
    String endDate,
    String elementId,
    String elementName,
    ElementInstanceType type,
    ElementInstanceState state,
    boolean hasIncident,
    String tenantId,
    String elementInstanceKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String processDefinitionKey,
    String incidentKey) {}
