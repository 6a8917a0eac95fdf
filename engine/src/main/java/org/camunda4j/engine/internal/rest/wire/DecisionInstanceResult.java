package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.EvaluatedDecisionInputItem;
import org.camunda4j.engine.internal.rest.wire.EvaluateDecisionResult.MatchedDecisionRuleItem;

/**
 * A decision instance: one decision evaluated within an evaluation. The search answers it without
 * {@code evaluatedInputs} and {@code matchedRules} (null, so left out), the get with them.
 * An evaluation over the REST API has no process: its process definition, process instance and
 * element instance keys are "-1" (as Camunda stores them, and clients parse them as numbers), its
 * root process instance key null.
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
