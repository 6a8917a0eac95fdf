package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.dmn.DecisionOutcome.EvaluatedDecision;
import org.camunda4j.engine.internal.record.EngineEvent.DecisionEvaluated;
import org.camunda4j.engine.internal.state.DecisionInstance;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.DeployedDecisionRequirements;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.dmn.DmnDecisions;
import org.camunda4j.engine.internal.dmn.DecisionOutcome;

/**
 * Evaluates a deployed decision and records the evaluation as decision instances, whether it came
 * from the REST API or from a business rule task. A failed evaluation is recorded too (state
 * FAILED); the caller decides what the failure means (a 400, an incident).
 */
public final class DecisionBehavior {

  /** The process element that called a decision; {@link #NONE} for a call over the REST API. */
  public record Caller(long processDefinitionKey, long processInstanceKey, long rootProcessInstanceKey, long elementInstanceKey) {
    public static final Caller NONE = new Caller(-1, -1, -1, -1);
  }

  /** An evaluation as recorded: the called decision, its graph and every decision instance. */
  public record Evaluation(
      long evaluationKey, DeployedDecision decision, DeployedDecisionRequirements requirements, DecisionOutcome outcome, List<DecisionInstance> instances) {}

  private final EngineState state;
  private final DmnDecisions dmn;

  public DecisionBehavior(EngineState state, DmnDecisions dmn) {
    this.state = state;
    this.dmn = dmn;
  }

  public Evaluation evaluate(ProcessingContext ctx, DeployedDecision decision, Map<String, Object> variables, Caller caller) {
    DeployedDecisionRequirements requirements = state.decisions().requirements(decision.decisionRequirementsKey()).orElseThrow();
    DecisionOutcome outcome = dmn.evaluate(requirements.key(), requirements.xml(), decision.decisionId(), variables);
    long evaluationKey = state.nextKey();
    List<EvaluatedDecision> evaluated = new ArrayList<>(outcome.evaluatedDecisions());
    if (outcome.failed() && evaluated.stream().noneMatch(d -> d.decisionId().equals(outcome.failedDecisionId()))) {
      DeployedDecision failed = inGraph(requirements, outcome.failedDecisionId(), decision);
      evaluated.add(new EvaluatedDecision(failed.decisionId(), failed.name(), failed.type(), null, List.of(), List.of()));
    }
    List<DecisionInstance> instances = new ArrayList<>();
    for (EvaluatedDecision one : evaluated) {
      boolean failedHere = outcome.failed() && one.decisionId().equals(outcome.failedDecisionId());
      instances.add(
          new DecisionInstance(
              evaluationKey + "-" + (instances.size() + 1), evaluationKey, outcome.failed() ? "FAILED" : "EVALUATED",
              failedHere ? outcome.failureMessage() : null, ctx.now(), inGraph(requirements, one.decisionId(), decision),
              caller.processDefinitionKey(), caller.processInstanceKey(), caller.rootProcessInstanceKey(), caller.elementInstanceKey(),
              decision.key(), one.output(), one.inputs(), one.matchedRules()));
    }
    ctx.emit(new DecisionEvaluated(evaluationKey, List.copyOf(instances)));
    return new Evaluation(evaluationKey, decision, requirements, outcome, List.copyOf(instances));
  }

  private DeployedDecision inGraph(DeployedDecisionRequirements requirements, String decisionId, DeployedDecision fallback) {
    return state.decisions().decisionsOf(requirements.key()).stream()
        .filter(d -> d.decisionId().equals(decisionId))
        .findFirst()
        .orElse(fallback);
  }
}
