package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.VariableMapping;
import org.camunda4j.engine.internal.record.EngineEvent.VariableCreated;
import org.camunda4j.engine.internal.record.EngineEvent.VariableUpdated;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Variable;

/** Setting variables on scopes and evaluating input and output mappings (engine-semantics §2.8). */
final class VariableBehavior {

  private final EngineState state;
  private final Feel feel;
  private ConditionalEventBehavior conditions;

  VariableBehavior(EngineState state, Feel feel) {
    this.state = state;
    this.feel = feel;
  }

  /** Bound once by EngineOperations: every variable set may make a condition true. */
  void bind(ConditionalEventBehavior conditions) {
    this.conditions = conditions;
  }

  /** Sets each variable on exactly this scope. */
  void setLocal(ProcessingContext ctx, long scopeKey, long processInstanceKey, String tenantId, Map<String, Object> variables) {
    if (variables == null) {
      return;
    }
    variables.forEach((name, value) -> set(ctx, scopeKey, processInstanceKey, tenantId, name, value));
  }

  /**
   * Sets each variable on the nearest scope, from {@code startScopeKey} outwards, that already
   * defines it, and on the process instance otherwise; inside an ad-hoc sub-process, on the
   * activation's inner instance at the furthest ({@link EngineState#propagationScope}).
   */
  void propagate(ProcessingContext ctx, long startScopeKey, long processInstanceKey, String tenantId, Map<String, Object> variables) {
    if (variables == null) {
      return;
    }
    variables.forEach(
        (name, value) -> {
          long scope = state.propagationScope(startScopeKey, name);
          set(ctx, scope >= 0 ? scope : processInstanceKey, processInstanceKey, tenantId, name, value);
        });
  }

  private void set(ProcessingContext ctx, long scopeKey, long processInstanceKey, String tenantId, String name, Object value) {
    Variable existing = state.localVariables(scopeKey).get(name);
    if (existing == null) {
      ctx.emit(new VariableCreated(state.nextKey(), scopeKey, processInstanceKey, name, value, tenantId));
      conditions.variableChanged(ctx, new VariableChange(scopeKey, name, true));
    } else if (!Objects.equals(existing.value(), value)) {
      ctx.emit(new VariableUpdated(existing.key(), scopeKey, name, value));
      conditions.variableChanged(ctx, new VariableChange(scopeKey, name, false));
    }
  }

  /**
   * Evaluates mappings in order against {@code context}; a later mapping sees the results of the
   * earlier ones. A dotted target ({@code order.id}) writes into a copy of the context it names.
   */
  Map<String, Object> evaluate(List<VariableMapping> mappings, Map<String, Object> context) throws FeelException {
    Map<String, Object> results = new LinkedHashMap<>();
    Map<String, Object> scope = new HashMap<>(context);
    for (VariableMapping mapping : mappings) {
      Object value = feel.evaluate(mapping.source(), scope);
      String[] path = mapping.target().split("\\.");
      String root = path[0];
      Object rootValue = path.length == 1 ? value : nested(scope.get(root), path, 1, value);
      results.put(root, rootValue);
      scope.put(root, rootValue);
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private static Object nested(Object current, String[] path, int index, Object value) {
    Map<String, Object> copy = current instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    if (index == path.length - 1) {
      copy.put(path[index], value);
    } else {
      copy.put(path[index], nested(copy.get(path[index]), path, index + 1, value));
    }
    return copy;
  }
}
