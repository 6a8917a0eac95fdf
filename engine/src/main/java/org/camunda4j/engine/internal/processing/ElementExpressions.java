package org.camunda4j.engine.internal.processing;

import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.feel.FeelExpression;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Evaluates what an element needs when it activates (a called process id, a decision id, a signal
 * name, a script, a job type) in the variables visible at it. An expression that fails raises an
 * EXTRACT_VALUE_ERROR incident on the element, whose resolution activates the element again; the
 * answer is then empty and the element stops where it is.
 */
final class ElementExpressions {

  /** What an expression gave; {@code value} is null where FEEL gave null. */
  record Value(Object value) {}

  /** Evaluations of one element's expressions, in the variables visible at it. */
  @FunctionalInterface
  interface Evaluation<T> {
    T evaluate(Feel feel, Map<String, Object> variables) throws FeelException;
  }

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;

  ElementExpressions(EngineState state, Feel feel, IncidentBehavior incidents) {
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  /** An expression that must give a string (an id, a name, a code). */
  Optional<String> string(ProcessingContext ctx, ElementInstance instance, FeelExpression expression) {
    return evaluate(ctx, instance, (feel, variables) -> feel.evaluateString(expression, variables));
  }

  /** An expression that may give any value, null included. */
  Optional<Value> value(ProcessingContext ctx, ElementInstance instance, FeelExpression expression) {
    return evaluate(ctx, instance, (feel, variables) -> new Value(feel.evaluate(expression, variables)));
  }

  /** Several expressions at once: the first that fails raises the incident. */
  <T> Optional<T> evaluate(ProcessingContext ctx, ElementInstance instance, Evaluation<T> evaluation) {
    try {
      return Optional.of(evaluation.evaluate(feel, state.visibleVariables(instance.key())));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return Optional.empty();
    }
  }
}
