package org.camunda4j.engine.internal.rest.wire;

/** One item of {@code POST /v2/correlated-message-subscriptions/search} (8.9). */
public record CorrelatedMessageSubscriptionResult(
    String correlationKey,
    String correlationTime,
    String elementId,
    String elementInstanceKey,
    String messageKey,
    String messageName,
    int partitionId,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String subscriptionKey,
    String tenantId) {}
