package org.camunda4j.sdk;

/** The answer to a message correlation: the instance that received (or was started by) it. */
public record MessageCorrelationResult(long messageKey, long processInstanceKey, String tenantId) {}
