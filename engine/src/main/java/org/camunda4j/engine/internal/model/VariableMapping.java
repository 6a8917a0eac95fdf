package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: the value of {@code source} is written to the
 * variable path {@code target} (a name, or a dotted path into a context such as {@code order.id}).
 */
public record VariableMapping(FeelExpression source, String target) {}
