package org.camunda4j.engine.internal.rest.wire;

/**
 * Each item of {@code POST /v2/message-subscriptions/search} (8.9).
 *
 * @param elementId the catching element: a catch event, receive task, boundary event or event sub-process start
 * @param elementInstanceKey the element instance that waits (for a boundary event its activity, for
 *     an event sub-process start its container, for an event-based gateway's event the gateway)
 */
public record MessageSubscriptionResult(
    String messageSubscriptionKey,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String elementId,
    String elementInstanceKey,
    MessageSubscriptionState messageSubscriptionState,
    String lastUpdatedDate,
    String messageName,
    String correlationKey,
    String tenantId) {}
