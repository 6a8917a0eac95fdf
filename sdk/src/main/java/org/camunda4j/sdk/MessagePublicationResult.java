package org.camunda4j.sdk;

/** The answer to a message publication. */
public record MessagePublicationResult(long messageKey, String tenantId) {}
