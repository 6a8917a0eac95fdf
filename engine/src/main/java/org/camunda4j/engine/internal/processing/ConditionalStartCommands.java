package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * {@code POST /v2/conditionals/evaluation}: evaluates the conditional start events of processes
 * (of one definition, or of the latest version of every process) with the given variables and
 * starts an instance at each whose condition is true, with those variables. A condition that gives
 * null is false; one that fails or gives a non-boolean rejects the whole evaluation, naming it.
 */
final class ConditionalStartCommands {

  /** What an evaluation started: one instance per conditional start event whose condition held. */
  record Started(long processDefinitionKey, long processInstanceKey) {}

  record Evaluation(long key, List<Started> started) {}

  private final EngineState state;
  private final Feel feel;
  private final BpmnBehavior bpmn;

  ConditionalStartCommands(EngineState state, Feel feel, BpmnBehavior bpmn) {
    this.state = state;
    this.feel = feel;
    this.bpmn = bpmn;
  }

  Evaluation evaluate(ProcessingContext ctx, Long processDefinitionKey, Map<String, Object> variables) {
    List<ProcessDefinition> definitions = new ArrayList<>();
    if (processDefinitionKey != null) {
      definitions.add(
          state.definition(processDefinitionKey)
              .orElseThrow(() -> Rejection.notFound(
                  "Expected to evaluate the conditional start events of process definition with key '" + processDefinitionKey
                      + "', but no such process definition was found")));
    } else {
      // the latest version in each tenant (process ids are versioned per tenant)
      Set<List<String>> ids = new LinkedHashSet<>();
      state.definitions().forEach(d -> ids.add(List.of(d.bpmnProcessId(), d.tenantId())));
      ids.forEach(id -> definitions.add(state.latestDefinition(id.get(0), id.get(1)).orElseThrow()));
    }
    List<Map.Entry<ProcessDefinition, ExecutableElement>> triggered = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      for (ExecutableElement start : definition.process().children()) {
        if (CatchEventBehavior.isProcessStart(start, EventKind.CONDITIONAL) && holds(definition, start, variables)) {
          triggered.add(Map.entry(definition, start));
        }
      }
    }
    long key = state.nextKey();
    List<Started> started = new ArrayList<>();
    for (var entry : triggered) {
      long instanceKey = bpmn.createProcessInstanceAt(ctx, entry.getKey(), entry.getValue(), variables);
      started.add(new Started(entry.getKey().key(), instanceKey));
    }
    return new Evaluation(key, List.copyOf(started));
  }

  private boolean holds(ProcessDefinition definition, ExecutableElement start, Map<String, Object> variables) {
    Object value;
    try {
      value = feel.evaluate(start.condition(), variables);
    } catch (FeelException e) {
      throw Rejection.invalidArgument(failure(definition, start, e.getMessage()));
    }
    if (value != null && !(value instanceof Boolean)) {
      throw Rejection.invalidArgument(
          failure(definition, start, "it gave '" + Feel.typeName(value) + "' where a BOOLEAN was expected"));
    }
    return Boolean.TRUE.equals(value);
  }

  private static String failure(ProcessDefinition definition, ExecutableElement start, String reason) {
    return "Expected to evaluate the condition '" + start.condition().source() + "' of the conditional start event '" + start.id()
        + "' of process '" + definition.bpmnProcessId() + "', but " + reason;
  }
}
