package org.camunda4j.engine.internal.state;

/**
 * An open wait for a message: on an intermediate catch event or receive task (the owner is that
 * element), a boundary event (the owner is the activity), an event sub-process start (the owner is
 * its container) or a target of an event-based gateway (the owner is the gateway).
 */
public record MessageSubscription(
    long key,
    long ownerKey,
    String catchElementId,
    long processInstanceKey,
    String bpmnProcessId,
    String messageName,
    String correlationKey,
    String tenantId) implements java.io.Serializable {}
