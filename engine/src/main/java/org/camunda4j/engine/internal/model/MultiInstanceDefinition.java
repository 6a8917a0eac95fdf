package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * {@code bpmn:multiInstanceLoopCharacteristics} with {@code zeebe:loopCharacteristics}: one inner
 * instance per item of {@code inputCollection}, each with the item as the local variable
 * {@code inputElement}; the value of {@code outputElement} of each is collected, in input order, into
 * {@code outputCollection}.
 *
 * @param completionCondition ends the multi-instance early when true; null when there is none
 */
public record MultiInstanceDefinition(
    boolean sequential,
    FeelExpression inputCollection,
    String inputElement,
    String outputCollection,
    FeelExpression outputElement,
    FeelExpression completionCondition) {}
