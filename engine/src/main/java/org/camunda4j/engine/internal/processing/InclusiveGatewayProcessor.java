package org.camunda4j.engine.internal.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;

/**
 * Inclusive gateways. Diverging: every outgoing flow whose condition is true (a flow without a
 * condition counts as true); the default flow only when none is; an incident when none is and there
 * is no default. Joining: it activates once a token has arrived and no token still alive in the
 * scope can reach an incoming flow that has none yet.
 */
final class InclusiveGatewayProcessor extends ElementProcessor {

  private final EngineState state;
  private final Feel feel;
  private final IncidentBehavior incidents;

  InclusiveGatewayProcessor(BpmnBehavior bpmn, EngineState state, Feel feel, IncidentBehavior incidents) {
    super(bpmn);
    this.state = state;
    this.feel = feel;
    this.incidents = incidents;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    passThrough(ctx, instance);
  }

  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    ExecutableElement gateway = instance.element();
    Map<String, Object> context = state.visibleVariables(instance.key());
    List<SequenceFlow> chosen = new ArrayList<>();
    SequenceFlow defaultFlow = null;
    try {
      for (SequenceFlow flow : gateway.outgoing()) {
        if (gateway.defaultFlowId().filter(flow.id()::equals).isPresent()) {
          defaultFlow = flow;
        } else if (!flow.hasCondition() || feel.evaluateBoolean(flow.condition(), context)) {
          chosen.add(flow);
        }
      }
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "CONDITION_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
      return;
    }
    if (chosen.isEmpty() && defaultFlow != null) {
      chosen.add(defaultFlow);
    }
    if (chosen.isEmpty() && !gateway.outgoing().isEmpty()) {
      incidents.raiseOnElement(
          ctx, instance, "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow", IncidentStep.COMPLETE_ELEMENT);
      return;
    }
    bpmn.leave(ctx, instance, chosen);
  }

  @Override
  boolean readyToJoin(ElementInstance scope, ExecutableElement gateway) {
    Set<String> waiting = new HashSet<>();
    for (SequenceFlow incoming : gateway.incoming()) {
      if (scope.joinTokens(incoming.id()) == 0) {
        waiting.add(incoming.id());
      }
    }
    if (waiting.size() == gateway.incoming().size()) {
      return false; // no token has arrived
    }
    for (ElementInstance child : state.children(scope.key())) {
      if (child.isAlive() && child.element() != gateway && canReach(child.element(), gateway, waiting)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a token at {@code from} can still arrive at the gateway on one of the {@code waiting} flows. */
  private static boolean canReach(ExecutableElement from, ExecutableElement gateway, Set<String> waiting) {
    Deque<ExecutableElement> todo = new ArrayDeque<>(List.of(from));
    Set<ExecutableElement> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      ExecutableElement element = todo.poll();
      if (element == gateway || !seen.add(element)) {
        continue;
      }
      for (SequenceFlow flow : element.outgoing()) {
        if (waiting.contains(flow.id())) {
          return true;
        }
        if (!flow.targetId().equals(gateway.id())) {
          element.flowScope().flatMap(s -> s.children().stream().filter(c -> c.id().equals(flow.targetId())).findFirst()).ifPresent(todo::add);
        }
      }
      todo.addAll(element.boundaryEvents());
    }
    return false;
  }
}
