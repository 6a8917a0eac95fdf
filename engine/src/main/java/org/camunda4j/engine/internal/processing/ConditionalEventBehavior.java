package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Conditional events inside running instances (intermediate catch, boundary, event sub-process
 * start). They need no state of their own: an element instance waits for the conditional events
 * {@link CatchEventBehavior#catchEventsOf} gives it for as long as it is active, so a replay rebuilds
 * them with the element instances.
 *
 * <p>A condition is evaluated when its owner becomes active, and again when a command changed a
 * variable it reads ({@link ExecutableElement#conditionVariables}) in the owner's scope or above,
 * once per step however many variables changed, outer scopes before inner ones. A condition that
 * gives null counts as false; one that fails or gives a non-boolean raises CONDITION_ERROR on its
 * owner, and resolving it evaluates the owner's conditions again.
 */
final class ConditionalEventBehavior {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;
  private final CatchEventBehavior catchEvents;

  ConditionalEventBehavior(EngineState state, Feel feel, IncidentBehavior incidents, CatchEventBehavior catchEvents) {
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
    this.catchEvents = catchEvents;
  }

  /** Evaluates the conditional events of an owner that just became active (or whose condition incident was resolved). */
  void evaluateOwner(ProcessingContext ctx, long ownerKey) {
    ElementInstance owner = state.elementInstance(ownerKey).orElse(null);
    if (owner == null || owner.state() != ElementState.ACTIVATED || !owner.process().process().containsConditionalEvents()) {
      return;
    }
    for (ExecutableElement event : conditionalEventsOf(owner)) {
      if (!evaluate(ctx, ownerKey, event)) {
        return;
      }
    }
  }

  /** Called for every variable set; the first of a step schedules one evaluation of everything it may concern. */
  void variableChanged(ProcessingContext ctx, VariableChange change) {
    boolean concerns =
        state.elementInstance(change.scopeKey()).map(scope -> scope.process().process().containsConditionalEvents()).orElse(false);
    if (concerns && ctx.recordVariableChange(change)) {
      ctx.followUp(() -> evaluateChanges(ctx));
    }
  }

  private void evaluateChanges(ProcessingContext ctx) {
    List<VariableChange> changes = ctx.drainVariableChanges();
    Set<Long> roots = new LinkedHashSet<>();
    for (VariableChange change : changes) {
      state.elementInstance(change.scopeKey())
          .filter(scope -> scope.process().process().containsConditionalEvents())
          .ifPresent(scope -> roots.add(scope.processInstanceKey()));
    }
    for (long root : roots) {
      evaluateTopDown(ctx, root, changes, List.of());
    }
  }

  /**
   * Walks the element instances of a process instance from the top: an owner is evaluated for the
   * changes made in its scope or a scope above it ({@code changedAbove}), if its condition reads the
   * variable and its filter lets that kind of change through.
   */
  private void evaluateTopDown(ProcessingContext ctx, long key, List<VariableChange> changes, List<VariableChange> changedAbove) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() != ElementState.ACTIVATED) {
      return;
    }
    List<VariableChange> visible = new ArrayList<>(changedAbove);
    for (VariableChange change : changes) {
      if (change.scopeKey() == key) {
        visible.add(change);
      }
    }
    if (!visible.isEmpty()) {
      for (ExecutableElement event : conditionalEventsOf(instance)) {
        boolean concerned = visible.stream().anyMatch(c -> event.conditionVariables().contains(c.name()) && event.reactsTo(c.kind()));
        if (concerned && !evaluate(ctx, key, event)) {
          return; // the owner was interrupted, or its condition failed
        }
      }
    }
    for (ElementInstance child : state.children(key)) {
      evaluateTopDown(ctx, child.key(), changes, visible);
    }
  }

  /**
   * Evaluates one condition and triggers the event when it is true.
   *
   * @return whether the owner is still active and its other conditions may be evaluated
   */
  private boolean evaluate(ProcessingContext ctx, long ownerKey, ExecutableElement event) {
    ElementInstance owner = state.elementInstance(ownerKey).orElse(null);
    if (owner == null || owner.state() != ElementState.ACTIVATED || !state.activeIncidentsOf(ownerKey).isEmpty()) {
      return false; // an owner with an incident waits for its resolution, which evaluates again
    }
    Object value;
    try {
      value = feel.evaluate(event.condition(), state.visibleVariables(ownerKey));
    } catch (FeelException e) {
      raise(ctx, owner, e.getMessage());
      return false;
    }
    if (value != null && !(value instanceof Boolean)) {
      raise(ctx, owner,
          "Expected result of the condition '" + event.condition().source() + "' of '" + event.id()
              + "' to be 'BOOLEAN', but was '" + Feel.typeName(value) + "'.");
      return false;
    }
    if (Boolean.TRUE.equals(value)) {
      catchEvents.trigger(ctx, ownerKey, event.id(), Map.of(), false);
    }
    return state.elementInstance(ownerKey).map(o -> o.state() == ElementState.ACTIVATED).orElse(false);
  }

  private void raise(ProcessingContext ctx, ElementInstance owner, String message) {
    if (state.activeIncidentsOf(owner.key()).isEmpty()) {
      incidents.raiseOnElement(ctx, owner, "CONDITION_ERROR", message, IncidentStep.EVALUATE_CONDITIONS);
    }
  }

  /**
   * The conditional events an active instance waits for. Once an interrupting event sub-process
   * runs in it, the container waits for no other event sub-process.
   */
  private List<ExecutableElement> conditionalEventsOf(ElementInstance owner) {
    List<ExecutableElement> events = new ArrayList<>();
    boolean interrupted = false;
    for (ElementInstance child : state.children(owner.key())) {
      ExecutableElement element = child.element();
      if (element.type() == ElementType.EVENT_SUB_PROCESS && element.eventSubProcessStart().map(ExecutableElement::interrupting).orElse(false)) {
        interrupted = true;
      }
    }
    for (ExecutableElement event : catchEvents.catchEventsOf(owner)) {
      boolean eventSubProcessStart = event.type() == ElementType.START_EVENT;
      if (event.eventKind() == EventKind.CONDITIONAL && !(interrupted && eventSubProcessStart)) {
        events.add(event);
      }
    }
    return events;
  }
}
