package org.camunda4j.engine.internal.state;

import java.util.List;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedInput;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.MatchedRule;

/**
 * One decision evaluated within an evaluation: the called decision and each required decision it
 * needed. Evaluations from {@code POST /v2/decision-definitions/evaluation} have no process (-1 keys).
 *
 * @param evaluationInstanceKey {@code <evaluationKey>-<n>}, n counting the decisions of the evaluation from 1
 * @param state EVALUATED or FAILED (every decision of a failed evaluation is FAILED)
 * @param evaluationFailure the failure message on the decision that failed, else null
 * @param output the decision's result as a JSON-like Java value
 * @param rootDecisionDefinitionKey the decision that was called
 */
public record DecisionInstance(
    String evaluationInstanceKey,
    long evaluationKey,
    String state,
    String evaluationFailure,
    long evaluationDate,
    DeployedDecision decision,
    long processDefinitionKey,
    long processInstanceKey,
    long rootProcessInstanceKey,
    long elementInstanceKey,
    long rootDecisionDefinitionKey,
    Object output,
    List<EvaluatedInput> inputs,
    List<MatchedRule> matchedRules) implements java.io.Serializable {}
