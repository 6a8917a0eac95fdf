package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/**
 * Answer of {@code POST /v2/decision-definitions/evaluation}. A failing decision is still a 200:
 * {@code failureMessage} and {@code failedDecisionDefinitionId} say what failed, and
 * {@code evaluatedDecisions} lists what was evaluated up to the failure. Outputs and values are JSON text.
 *
 * @param decisionInstanceKey the same as {@code decisionEvaluationKey} (deprecated in 8.9)
 */
public record EvaluateDecisionResult(
    String decisionDefinitionId,
    String decisionDefinitionKey,
    String decisionDefinitionName,
    int decisionDefinitionVersion,
    String decisionEvaluationKey,
    String decisionInstanceKey,
    String decisionRequirementsId,
    String decisionRequirementsKey,
    List<EvaluatedDecisionResult> evaluatedDecisions,
    String failedDecisionDefinitionId,
    String failureMessage,
    String output,
    String tenantId) {

  /** One decision evaluated on the way, the called one last. */
  public record EvaluatedDecisionResult(
      String decisionDefinitionId,
      String decisionDefinitionName,
      int decisionDefinitionVersion,
      String decisionDefinitionType,
      String output,
      String tenantId,
      List<MatchedDecisionRuleItem> matchedRules,
      List<EvaluatedDecisionInputItem> evaluatedInputs,
      String decisionDefinitionKey,
      String decisionEvaluationInstanceKey) {}

  /** A rule of a decision table that matched; {@code ruleIndex} counts from 1. */
  public record MatchedDecisionRuleItem(String ruleId, int ruleIndex, List<EvaluatedDecisionOutputItem> evaluatedOutputs) {}

  public record EvaluatedDecisionInputItem(String inputId, String inputName, String inputValue) {}

  public record EvaluatedDecisionOutputItem(String outputId, String outputName, String outputValue, String ruleId, Integer ruleIndex) {}
}
