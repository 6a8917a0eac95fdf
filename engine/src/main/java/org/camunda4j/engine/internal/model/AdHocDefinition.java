package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * What an ad-hoc sub-process does beyond containing elements ({@code zeebe:adHoc} and the BPMN
 * attributes). In the job-worker form (a {@code zeebe:taskDefinition}) a worker decides instead, and
 * only the output collection applies.
 *
 * @param activeElementsCollection FEEL list of the ids of the elements to activate on entry, or null
 * @param completionCondition FEEL boolean evaluated each time an inner flow completes, or null (then it
 *     completes when every activated element has)
 * @param cancelRemainingInstances whether a fulfilled completion condition terminates what still runs
 * @param outputCollection the local list each completed inner flow's {@code outputElement} is added to, or null
 * @param outputElement FEEL expression of what an inner flow contributes, or null
 */
public record AdHocDefinition(
    FeelExpression activeElementsCollection,
    FeelExpression completionCondition,
    boolean cancelRemainingInstances,
    String outputCollection,
    FeelExpression outputElement) {}
