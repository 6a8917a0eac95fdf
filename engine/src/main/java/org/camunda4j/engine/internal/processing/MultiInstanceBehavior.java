package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.MultiInstanceDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivating;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.Variable;

/**
 * Multi-instance activities. A <em>body</em> instance stands for the activity in its scope: it
 * reads the input collection, runs one inner instance per item (all at once, or one after another),
 * collects each inner instance's output element into the output collection, and completes when all
 * are done or the completion condition holds. Boundary events belong to the body.
 *
 * <p>The body keeps its counters as local variables, as Zeebe does: {@code numberOfInstances},
 * {@code numberOfActiveInstances}, {@code numberOfCompletedInstances}, {@code numberOfTerminatedInstances}.
 */
final class MultiInstanceBehavior {

  private static final String ITEMS = "numberOfInstances";
  private static final String COMPLETED = "numberOfCompletedInstances";
  private static final String ACTIVE = "numberOfActiveInstances";
  private static final String TERMINATED = "numberOfTerminatedInstances";
  private static final String LOOP_COUNTER = "loopCounter";

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private BpmnBehavior bpmn;

  MultiInstanceBehavior(EngineState state, Feel feel, VariableBehavior variables, IncidentBehavior incidents) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
  }

  void bind(BpmnBehavior bpmn) {
    this.bpmn = bpmn;
  }

  /** An inner instance of a multi-instance activity (its scope is the body of the same element). */
  boolean isInner(ElementInstance instance) {
    return state
        .elementInstance(instance.flowScopeKey())
        .map(scope -> scope.isMultiInstanceBody() && scope.element() == instance.element())
        .orElse(false);
  }

  /** The body's ACTIVATING step: read the collection, start the first inner instance(s). */
  void activateBody(ProcessingContext ctx, ElementInstance body) {
    MultiInstanceDefinition loop = body.element().multiInstance();
    List<Object> items;
    try {
      Object collection = feel.evaluate(loop.inputCollection(), state.visibleVariables(body.flowScopeKey()));
      if (!(collection instanceof List<?> list)) {
        throw new FeelException(
            "Expected result of the expression '" + loop.inputCollection().source() + "' to be 'ARRAY', but was '"
                + (collection == null ? "NULL" : collection.getClass().getSimpleName()) + "'.");
      }
      items = new ArrayList<>(list);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, body, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    Map<String, Object> counters = new HashMap<>();
    counters.put(ITEMS, (long) items.size());
    counters.put(COMPLETED, 0L);
    counters.put(ACTIVE, 0L);
    counters.put(TERMINATED, 0L);
    if (loop.outputCollection() != null) {
      List<Object> outputs = new ArrayList<>();
      items.forEach(i -> outputs.add(null));
      counters.put(loop.outputCollection(), outputs);
    }
    setLocal(ctx, body, counters);
    ctx.emit(new ElementActivated(body.key()));
    if (items.isEmpty()) {
      ctx.followUp(() -> bpmn.complete(ctx, body.key()));
      return;
    }
    if (loop.sequential()) {
      startInner(ctx, body, items, 0);
    } else {
      for (int i = 0; i < items.size(); i++) {
        startInner(ctx, body, items, i);
      }
    }
  }

  private void startInner(ProcessingContext ctx, ElementInstance body, List<Object> items, int index) {
    long key = state.nextKey();
    ctx.emit(
        new ElementActivating(key, body.process().key(), body.element().id(), body.key(), body.processInstanceKey(), 0, false, ctx.now()));
    Map<String, Object> locals = new HashMap<>();
    locals.put(LOOP_COUNTER, (long) index + 1);
    MultiInstanceDefinition loop = body.element().multiInstance();
    if (loop.inputElement() != null) {
      locals.put(loop.inputElement(), items.get(index));
    }
    variables.setLocal(ctx, key, body.processInstanceKey(), body.process().tenantId(), locals);
    bump(ctx, body, ACTIVE, 1);
    ctx.followUp(() -> bpmn.activate(ctx, key));
  }

  /**
   * Before an inner instance completes: its output element goes into the body's output collection
   * at the item's position. A failing expression raises an incident on the inner instance.
   */
  boolean collectOutput(ProcessingContext ctx, ElementInstance inner) {
    ElementInstance body = state.elementInstance(inner.flowScopeKey()).orElseThrow();
    MultiInstanceDefinition loop = body.element().multiInstance();
    if (loop.outputCollection() == null || loop.outputElement() == null) {
      return true;
    }
    Object value;
    try {
      value = feel.evaluate(loop.outputElement(), state.visibleVariables(inner.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, inner, "IO_MAPPING_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
      return false;
    }
    int index = (int) ((Number) state.localVariables(inner.key()).get(LOOP_COUNTER).value()).longValue() - 1;
    Variable collection = state.localVariables(body.key()).get(loop.outputCollection());
    List<Object> outputs = new ArrayList<>((List<?>) collection.value());
    outputs.set(index, value);
    setLocal(ctx, body, Map.of(loop.outputCollection(), outputs));
    return true;
  }

  /** After an inner instance completed: next item, early end on the completion condition, or the end. */
  void innerCompleted(ProcessingContext ctx, long bodyKey) {
    ElementInstance body = state.elementInstance(bodyKey).orElse(null);
    if (body == null || body.state() != ElementState.ACTIVATED) {
      return;
    }
    bump(ctx, body, ACTIVE, -1);
    bump(ctx, body, COMPLETED, 1);
    MultiInstanceDefinition loop = body.element().multiInstance();
    if (loop.completionCondition() != null) {
      boolean done;
      try {
        done = feel.evaluateBoolean(loop.completionCondition(), state.visibleVariables(body.key()));
      } catch (FeelException e) {
        incidents.raiseOnElement(ctx, body, "CONDITION_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      if (done) {
        for (ElementInstance inner : state.children(body.key())) {
          bpmn.terminate(ctx, inner.key());
          bump(ctx, body, TERMINATED, 1);
        }
        ctx.followUp(() -> bpmn.complete(ctx, body.key()));
        return;
      }
    }
    long completed = counter(body, COMPLETED);
    long total = counter(body, ITEMS);
    if (loop.sequential() && completed < total) {
      List<Object> items;
      try {
        items = new ArrayList<>((List<?>) feel.evaluate(loop.inputCollection(), state.visibleVariables(body.flowScopeKey())));
      } catch (FeelException | ClassCastException e) {
        incidents.raiseOnElement(ctx, body, "EXTRACT_VALUE_ERROR", String.valueOf(e.getMessage()), IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      startInner(ctx, body, items, (int) completed);
    } else if (state.elementInstance(bodyKey).orElseThrow().childCount() == 0) {
      ctx.followUp(() -> bpmn.complete(ctx, body.key()));
    }
  }

  /** When the body completes, its output collection goes to the scope around it. */
  void propagateOutput(ProcessingContext ctx, ElementInstance body) {
    MultiInstanceDefinition loop = body.element().multiInstance();
    if (loop.outputCollection() == null) {
      return;
    }
    Variable collection = state.localVariables(body.key()).get(loop.outputCollection());
    Map<String, Object> output = new HashMap<>();
    output.put(loop.outputCollection(), collection == null ? List.of() : collection.value());
    variables.propagate(ctx, body.flowScopeKey(), body.processInstanceKey(), body.process().tenantId(), output);
  }

  private long counter(ElementInstance body, String name) {
    Variable variable = state.localVariables(body.key()).get(name);
    return variable == null ? 0 : ((Number) variable.value()).longValue();
  }

  private void bump(ProcessingContext ctx, ElementInstance body, String name, long by) {
    setLocal(ctx, body, Map.of(name, counter(body, name) + by));
  }

  private void setLocal(ProcessingContext ctx, ElementInstance body, Map<String, Object> values) {
    variables.setLocal(ctx, body.key(), body.processInstanceKey(), body.process().tenantId(), values);
  }
}
