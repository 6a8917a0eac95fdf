package org.camunda4j.engine.internal.state;

import java.util.Map;

/** A published message kept until its time to live runs out, for subscriptions that open later. */
public record BufferedMessage(
    long key,
    String name,
    String correlationKey,
    Map<String, Object> variables,
    String messageId,
    String tenantId,
    long deadline) implements java.io.Serializable {}
