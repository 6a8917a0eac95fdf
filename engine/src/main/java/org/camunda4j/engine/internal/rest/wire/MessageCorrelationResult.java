package org.camunda4j.engine.internal.rest.wire;

/**
 * Answer of {@code POST /v2/messages/correlation}.
 *
 * @param processInstanceKey the first instance correlated, or the one a start event created
 */
public record MessageCorrelationResult(
    String tenantId, String messageKey, String processInstanceKey) {}
