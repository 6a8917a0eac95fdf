package org.camunda4j.engine.internal.processing;

import java.util.Map;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.EngineState;

/** {@code POST /v2/decision-definitions/evaluation}: evaluates a decision outside any process. */
public final class DecisionCommands {

  private final EngineState state;
  private final DecisionBehavior decisions;

  public DecisionCommands(EngineState state, DecisionBehavior decisions) {
    this.state = state;
    this.decisions = decisions;
  }

  /** By key when {@code decisionKey} is given, else the latest version of {@code decisionId}. */
  public DecisionBehavior.Evaluation evaluate(
      ProcessingContext ctx, String decisionId, Long decisionKey, Map<String, Object> variables, String tenantId) {
    DeployedDecision decision =
        decisionKey != null
            ? state.decisions().decision(decisionKey)
                .orElseThrow(() -> Rejection.notFound(
                    "Expected to evaluate decision with key '" + decisionKey + "', but no such decision was found"))
            : state.decisions().latestDecision(decisionId, tenantId)
                .orElseThrow(() -> Rejection.notFound(
                    "Expected to evaluate decision '" + decisionId + "', but no decision found for id '" + decisionId + "'"));
    return decisions.evaluate(ctx, decision, variables == null ? Map.of() : variables, DecisionBehavior.Caller.NONE);
  }
}
