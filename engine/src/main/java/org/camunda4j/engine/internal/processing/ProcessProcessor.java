package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivating;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.ElementTerminated;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceCreated;
import org.camunda4j.engine.internal.record.EngineEvent.StartEventTriggered;
import org.camunda4j.engine.internal.record.EngineEvent.StartInstructionsGiven;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.TriggeredStart;

/**
 * Process instances: created at the none start event, or at a message, timer or signal start event
 * that already fired; when one completes, its awaiting callers, a message start's correlation key and
 * a calling activity learn of it.
 */
final class ProcessProcessor extends ElementProcessor {

  private final EngineState state;
  private final VariableBehavior variables;
  private final CompletionWaiters completionWaiters;
  private final MessageCommands messages;
  private final CallActivityProcessor callActivities;
  private final ElementActivationBehavior elementActivation;

  ProcessProcessor(
      BpmnBehavior bpmn, EngineState state, VariableBehavior variables, CompletionWaiters completionWaiters, MessageCommands messages,
      CallActivityProcessor callActivities) {
    super(bpmn);
    this.state = state;
    this.variables = variables;
    this.completionWaiters = completionWaiters;
    this.messages = messages;
    this.callActivities = callActivities;
    this.elementActivation = new ElementActivationBehavior(state, bpmn, variables);
  }

  long create(ProcessingContext ctx, ProcessDefinition definition, NewInstance request) {
    for (int i = 0; i < request.startElementIds().size(); i++) {
      elementActivation.target(definition, request.startElementIds().get(i), "startInstructions[" + i + "]");
    }
    long key = state.nextKey();
    if (request.startElementIds().isEmpty() && definition.process().noneStartEvent().isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to create an instance of process '" + definition.bpmnProcessId()
              + "' with a none start event, but it has none: start it with a message, timer or signal instead");
    }
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), request.tags(), request.businessId(), -1, -1, key, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0, ctx.now()));
    variables.setLocal(ctx, key, key, definition.tenantId(), request.variables());
    if (!request.startElementIds().isEmpty()) {
      ctx.emit(new StartInstructionsGiven(key, request.startElementIds()));
    }
    ctx.followUp(() -> bpmn.activate(ctx, key));
    return key;
  }

  /**
   * Starts an instance at a message, timer or signal start event; the start event completes at once
   * with the payload, which propagates to the new instance.
   */
  long createAt(ProcessingContext ctx, ProcessDefinition definition, ExecutableElement startEvent, Map<String, Object> payload) {
    long key = state.nextKey();
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), List.of(), null, -1, -1, key, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0, ctx.now()));
    ctx.emit(new StartEventTriggered(key, startEvent.id(), payload));
    ctx.followUp(() -> bpmn.activate(ctx, key));
    return key;
  }

  @Override
  void onActivate(ProcessingContext ctx, ElementInstance instance) {
    long key = instance.key();
    TriggeredStart triggered = state.triggeredStart(key).orElse(null);
    List<String> startAt = state.startInstructions(key);
    ctx.emit(new ElementActivated(key));
    ElementInstance root = state.elementInstance(key).orElseThrow();
    if (!startAt.isEmpty()) {
      for (int i = 0; i < startAt.size(); i++) {
        elementActivation.activate(ctx, root, instance.process().element(startAt.get(i)), -1, List.of(), "startInstructions[" + i + "]");
      }
    } else if (triggered == null) {
      bpmn.activateElement(ctx, root, instance.element().noneStartEvent().orElseThrow(), 0);
    } else {
      long start = bpmn.activateDirectly(ctx, root, instance.process().element(triggered.startElementId()), 0);
      variables.propagate(ctx, start, key, instance.process().tenantId(), triggered.payload());
      ctx.followUp(() -> bpmn.complete(ctx, start));
    }
  }

  @Override
  void onComplete(ProcessingContext ctx, ElementInstance instance) {
    long key = instance.key();
    Map<String, Object> rootVariables = state.visibleVariables(key);
    completionWaiters.completed(ctx, key, rootVariables);
    Optional<String> startedBy = state.startingCorrelationKey(key);
    ctx.emit(new ElementCompleted(key, ctx.now()));
    startedBy.ifPresent(k -> messages.instanceStartedByMessageEnded(ctx, instance.process().bpmnProcessId(), instance.process().tenantId(), k));
    long caller = state.processInstance(key).map(p -> p.parentElementInstanceKey()).orElse(-1L);
    if (caller >= 0) {
      callActivities.returnToCaller(ctx, caller, rootVariables);
    }
  }

  /** A process instance ended by termination (canceled, or its called activity ended): its awaiting callers learn of it. */
  void terminated(ProcessingContext ctx, ElementInstance instance) {
    Optional<String> startedBy = state.startingCorrelationKey(instance.key());
    ctx.emit(new ElementTerminated(instance.key(), ctx.now()));
    completionWaiters.terminated(ctx, instance.key());
    startedBy.ifPresent(k -> messages.instanceStartedByMessageEnded(ctx, instance.process().bpmnProcessId(), instance.process().tenantId(), k));
  }
}
