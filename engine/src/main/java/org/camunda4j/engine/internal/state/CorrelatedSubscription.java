package org.camunda4j.engine.internal.state;

/**
 * A message that reached a subscription: a catch event, receive task, boundary event or event
 * sub-process start waiting in an instance, or a message start event that started one.
 *
 * @param subscriptionKey the subscription's key; a message start event has no lasting subscription
 *     in this engine, so its correlation gets a key of its own
 * @param elementInstanceKey the element instance that waited (a boundary event's activity, an
 *     event-based gateway); for a message start event, the process instance it started
 */
public record CorrelatedSubscription(
    long messageKey,
    long subscriptionKey,
    String messageName,
    String correlationKey,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String tenantId,
    long correlationTime) implements java.io.Serializable {}
