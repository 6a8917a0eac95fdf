package org.camunda4j.engine.internal.dmn;

import java.util.List;

/**
 * What evaluating one decision of a graph gave: every decision that was evaluated (required
 * decisions first, the called one last) and either the called decision's output or a failure.
 *
 * @param output the called decision's result as a JSON-like Java value (null on failure)
 * @param failureMessage null when the evaluation succeeded
 * @param failedDecisionId the decision whose evaluation failed, null on success
 */
public record DecisionOutcome(Object output, List<EvaluatedDecision> evaluatedDecisions, String failureMessage, String failedDecisionId) {

  public boolean failed() {
    return failureMessage != null;
  }

  /** One decision evaluated on the way, with the inputs it saw and the rules that matched. */
  public record EvaluatedDecision(
      String decisionId, String decisionName, DecisionType type, Object output, List<EvaluatedInput> inputs, List<MatchedRule> matchedRules) implements java.io.Serializable {}

  public record EvaluatedInput(String inputId, String inputName, Object value) implements java.io.Serializable {}

  /** {@code ruleIndex} counts from 1, in the table's order. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) implements java.io.Serializable {}

  public record EvaluatedOutput(String outputId, String outputName, Object value) implements java.io.Serializable {}
}
