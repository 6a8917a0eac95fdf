package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.EvaluatedDecisionInputItem;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.MatchedDecisionRuleItem;

/**
 * A decision instance: one decision evaluated within an evaluation. The search answers it without
 * {@code evaluatedInputs} and {@code matchedRules} (null, so left out), the get with them.
 * Process keys are null for an evaluation over the REST API.
 */
public record DecisionInstanceResult(
    String decisionDefinitionId,
    String decisionDefinitionKey,
    String decisionDefinitionName,
    DecisionDefinitionType decisionDefinitionType,
    int decisionDefinitionVersion,
    String decisionEvaluationInstanceKey,
    String decisionEvaluationKey,
    String elementInstanceKey,
    String evaluationDate,
    String evaluationFailure,
    String processDefinitionKey,
    String processInstanceKey,
    String result,
    String rootDecisionDefinitionKey,
    String rootProcessInstanceKey,
    DecisionInstanceState state,
    String tenantId,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<EvaluatedDecisionInputItem> evaluatedInputs,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<MatchedDecisionRuleItem> matchedRules) {}
