package org.camunda4j.engine.internal.rest.wire;

/**
 * One item of {@code POST /v2/variables/search}.
 *
 * @param value the variable's JSON text, cut short when {@code truncateValues} applies
 * @param isTruncated whether {@code value} was cut short
 */
public record VariableSearchResult(
    String name,
    String tenantId,
    String variableKey,
    String scopeKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String value,
    boolean isTruncated) {}
