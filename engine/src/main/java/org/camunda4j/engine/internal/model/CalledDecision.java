package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * A business rule task's {@code zeebe:calledDecision}: which decision it evaluates and where the
 * result goes.
 *
 * @param decisionId static or FEEL ({@code =expr}), evaluated when the task is reached
 * @param bindingType {@code latest}, {@code deployment} (the decision deployed with the process) or
 *     {@code versionTag} (the latest version carrying {@code versionTag})
 */
public record CalledDecision(FeelExpression decisionId, String resultVariable, String bindingType, String versionTag) {}
