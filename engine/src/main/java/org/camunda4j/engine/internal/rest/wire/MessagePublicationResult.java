package org.camunda4j.engine.internal.rest.wire;

/** Answer of {@code POST /v2/messages/publication}. */
public record MessagePublicationResult(String tenantId, String messageKey) {}
