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

  /** A signal reaches the start events and the waiting instances of its own tenant only. */
  long broadcast(ProcessingContext ctx, String signalName, Map<String, Object> variables, String tenantId) {
    long signalKey = state.nextKey();
    Set<String> ids = new LinkedHashSet<>();
    state.definitions().stream().filter(d -> d.tenantId().equals(tenantId)).forEach(d -> ids.add(d.bpmnProcessId()));
    for (String id : ids) {
      ProcessDefinition definition = state.latestDefinition(id, tenantId).orElseThrow();
      for (ExecutableElement start : definition.process().children()) {
        if (CatchEventBehavior.isProcessStart(start, EventKind.SIGNAL) && signalName.equals(name(start))) {
          bpmn.createProcessInstanceAt(ctx, definition, start, variables);
        }
      }
    }
    List<SignalSubscription> waiting = state.signalSubscriptions().stream()
        .filter(s -> s.signalName().equals(signalName) && tenantOf(s).equals(tenantId))
        .toList();
    for (SignalSubscription subscription : waiting) {
      catchEvents.trigger(ctx, subscription.ownerKey(), subscription.catchElementId(), variables, false);
    }
    return signalKey;
  }

  private String tenantOf(SignalSubscription subscription) {
    return state.processInstance(subscription.processInstanceKey()).map(p -> p.definition().tenantId()).orElse("");
  }

  private String name(ExecutableElement start) {
    try {
      return feel.evaluateString(start.signalName(), Map.of());
    } catch (FeelException e) {
      return null;
    }
  }
}
