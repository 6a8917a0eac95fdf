package org.camunda4j.engine.internal.rest.wire;

/**
 * {@code GET /v2/variables/{variableKey}}: the full value, never truncated.
 *
 * @param value the variable's JSON text, e.g. {@code "\"abc\""} for the string abc
 */
public record VariableResult(
    String name,
    String tenantId,
    String variableKey,
    String scopeKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String value) {}
