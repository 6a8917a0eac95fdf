package org.camunda4j.engine.internal.processing;

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
import org.camunda4j.engine.internal.state.SignalSubscription;

/** Broadcasting signals: every waiting signal event and every signal start event with that name. */
final class SignalCommands {

  private final EngineState state;
  private final Feel feel;
  private final BpmnBehavior bpmn;
  private final CatchEventBehavior catchEvents;

  SignalCommands(EngineState state, Feel feel, BpmnBehavior bpmn, CatchEventBehavior catchEvents) {
    this.state = state;
    this.feel = feel;
    this.bpmn = bpmn;
    this.catchEvents = catchEvents;
  }

  long broadcast(ProcessingContext ctx, String signalName, Map<String, Object> variables) {
    long signalKey = state.nextKey();
    Set<String> ids = new LinkedHashSet<>();
    state.definitions().forEach(d -> ids.add(d.bpmnProcessId()));
    for (String id : ids) {
      ProcessDefinition definition = state.latestDefinition(id).orElseThrow();
      for (ExecutableElement start : definition.process().children()) {
        if (CatchEventBehavior.isProcessStart(start, EventKind.SIGNAL) && signalName.equals(name(start))) {
          bpmn.createProcessInstanceAt(ctx, definition, start, variables);
        }
      }
    }
    List<SignalSubscription> waiting = state.signalSubscriptions().stream().filter(s -> s.signalName().equals(signalName)).toList();
    for (SignalSubscription subscription : waiting) {
      catchEvents.trigger(ctx, subscription.ownerKey(), subscription.catchElementId(), variables, false);
    }
    return signalKey;
  }

  private String name(ExecutableElement start) {
    try {
      return feel.evaluateString(start.signalName(), Map.of());
    } catch (FeelException e) {
      return null;
    }
  }
}
