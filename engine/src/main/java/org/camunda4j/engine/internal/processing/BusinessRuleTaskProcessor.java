package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.CalledDecision;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.state.DecisionStore;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Business rule tasks with {@code zeebe:calledDecision}: evaluate the decision with the variables
 * visible at the task, put the result in {@code resultVariable}, complete. What fails raises an
 * incident whose resolution evaluates again: a decision id expression (EXTRACT_VALUE_ERROR), a
 * decision that cannot be found (CALLED_DECISION_ERROR), an evaluation (DECISION_EVALUATION_ERROR).
 * The job-worker form runs as {@link JobWorkerTaskProcessor}.
 */
final class BusinessRuleTaskProcessor extends ElementProcessor {

  private final EngineState state;
  private final ElementExpressions expressions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final DecisionBehavior decisions;

  BusinessRuleTaskProcessor(
      BpmnBehavior bpmn, EngineState state, ElementExpressions expressions, VariableBehavior variables, IncidentBehavior incidents,
      DecisionBehavior decisions) {
    super(bpmn);
    this.state = state;
    this.expressions = expressions;
    this.variables = variables;
    this.incidents = incidents;
    this.decisions = decisions;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    CalledDecision called = instance.element().calledDecision();
    Map<String, Object> context = state.visibleVariables(instance.key());
    Optional<String> evaluated = expressions.string(ctx, instance, called.decisionId());
    if (evaluated.isEmpty()) {
      return;
    }
    String decisionId = evaluated.get();
    Optional<DeployedDecision> decision = find(decisionId, called, instance);
    if (decision.isEmpty()) {
      incidents.raiseOnElement(ctx, instance, "CALLED_DECISION_ERROR", notFound(decisionId, called, instance), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    DecisionBehavior.Caller caller =
        new DecisionBehavior.Caller(
            instance.process().key(), instance.processInstanceKey(), state.rootOf(instance.processInstanceKey()), instance.key());
    DecisionBehavior.Evaluation evaluation = decisions.evaluate(ctx, decision.get(), context, caller);
    if (evaluation.outcome().failed()) {
      incidents.raiseOnElement(ctx, instance, "DECISION_EVALUATION_ERROR", evaluation.outcome().failureMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    Map<String, Object> result = new HashMap<>();
    result.put(called.resultVariable(), evaluation.outcome().output()); // a decision may give null
    String tenantId = instance.process().tenantId();
    if (instance.element().outputs().isEmpty()) {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), tenantId, result);
    } else {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, result);
    }
    ctx.emit(new ElementActivated(instance.key()));
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }

  private Optional<DeployedDecision> find(String decisionId, CalledDecision called, ElementInstance instance) {
    DecisionStore store = state.decisions();
    String tenantId = instance.process().tenantId();
    return switch (called.bindingType()) {
      case "deployment" -> store.decisionInDeployment(decisionId, instance.process().deploymentKey());
      case "versionTag" -> store.decisionWithVersionTag(decisionId, called.versionTag(), tenantId);
      default -> store.latestDecision(decisionId, tenantId);
    };
  }

  /** Camunda's wording, which also says how to resolve the incident. */
  private static String notFound(String decisionId, CalledDecision called, ElementInstance instance) {
    return switch (called.bindingType()) {
      case "deployment" ->
          "Expected to evaluate decision with id '" + decisionId + "' and binding type 'deployment', but no such decision found in the"
              + " deployment with key " + instance.process().deploymentKey() + " which contained the current process. To resolve this"
              + " incident, migrate the process instance to a process definition that is deployed together with the intended decision"
              + " to evaluate.";
      case "versionTag" ->
          "Expected to evaluate decision with id '" + decisionId + "' and version tag '" + called.versionTag()
              + "', but no such decision found. To resolve the incident, deploy a decision with the given id and version tag.";
      default -> "Expected to evaluate decision '" + decisionId + "', but no decision found for id '" + decisionId + "'";
    };
  }
}
