package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.SequenceFlow;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivating;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleting;
import org.camunda4j.engine.internal.record.EngineEvent.ElementTerminated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementTerminating;
import org.camunda4j.engine.internal.record.EngineEvent.IncidentResolved;
import org.camunda4j.engine.internal.record.EngineEvent.JobCanceled;
import org.camunda4j.engine.internal.record.EngineEvent.SequenceFlowTaken;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.MessageSubscription;

/**
 * The lifecycle every element instance goes through: activating, completing and terminating, and
 * the sequence flows between elements. What each kind of element does within that lifecycle is its
 * {@link ElementProcessor}'s business. Each step that can fail (a FEEL expression) raises an incident
 * and stops; resolving the incident runs the same step again, so every step here is safe to re-run.
 */
final class BpmnBehavior {

  private final EngineState state;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final CatchEventBehavior catchEvents;
  private final ExecutionListenerBehavior executionListeners;
  private final MultiInstanceBehavior multiInstance;
  private MessageCommands messages;
  private ConditionalEventBehavior conditions;
  private UserTaskBehavior userTasks; // --- user tasks
  private ElementProcessors processors;
  private CompensationBehavior compensation;

  BpmnBehavior(
      EngineState state,
      VariableBehavior variables,
      IncidentBehavior incidents,
      CatchEventBehavior catchEvents,
      ExecutionListenerBehavior executionListeners,
      MultiInstanceBehavior multiInstance) {
    this.state = state;
    this.variables = variables;
    this.incidents = incidents;
    this.catchEvents = catchEvents;
    this.executionListeners = executionListeners;
    this.multiInstance = multiInstance;
  }

  void bind(MessageCommands messages) {
    this.messages = messages;
  }

  void bind(ConditionalEventBehavior conditions) {
    this.conditions = conditions;
  }

  /** Evaluates the conditions of the conditional events {@code ownerKey} waits for; those that hold trigger. */
  void evaluateConditions(ProcessingContext ctx, long ownerKey) {
    conditions.evaluateOwner(ctx, ownerKey);
  }

  /** The ad-hoc sub-processes, whose jobs and activation requests come from outside the element lifecycle. */
  AdHocSubProcessProcessor adHocSubProcesses() {
    return processors.adHocSubProcess();
  }

  /** Bound once by EngineOperations, since processors and this behaviour need each other. */
  void bind(ElementProcessors processors) {
    this.processors = processors;
  }

  void bind(CompensationBehavior compensation) {
    this.compensation = compensation;
  }

  // --- user tasks
  void bindUserTasks(UserTaskBehavior userTasks) {
    this.userTasks = userTasks;
  }

  /** Resolving the expression incident of a task listener runs that listener again. */
  void resumeUserTaskListeners(ProcessingContext ctx, long elementInstanceKey) {
    userTasks.resumeListeners(ctx, elementInstanceKey);
  }

  long createProcessInstance(ProcessingContext ctx, ProcessDefinition definition, NewInstance request) {
    return processors.process().create(ctx, definition, request);
  }

  /** Starts an instance at a message, timer or signal start event that fired, with its payload. */
  long createProcessInstanceAt(ProcessingContext ctx, ProcessDefinition definition, ExecutableElement startEvent, Map<String, Object> payload) {
    return processors.process().createAt(ctx, definition, startEvent, payload);
  }

  /**
   * Creates a child instance of {@code flowScope}; its activation runs as a follow-up step. A
   * multi-instance activity is entered through its body. Returns the new instance's key.
   */
  long activateElement(ProcessingContext ctx, ElementInstance flowScope, ExecutableElement element, int consumedFlows) {
    long key = state.nextKey();
    ctx.emit(
        new ElementActivating(
            key, flowScope.process().key(), element.id(), flowScope.key(), flowScope.processInstanceKey(), consumedFlows,
            element.multiInstance() != null, ctx.now()));
    ctx.followUp(() -> activate(ctx, key));
    return key;
  }

  /**
   * Creates an instance of a container without starting it (no start event, no input mappings or
   * listeners): instance modification and start instructions put a token inside it. Its boundary
   * events and event sub-processes are opened.
   */
  ElementInstance createScope(ProcessingContext ctx, ElementInstance flowScope, ExecutableElement container) throws FeelException {
    long key = activateDirectly(ctx, flowScope, container, 0);
    ElementInstance instance = state.elementInstance(key).orElseThrow();
    offerBufferedMessages(ctx, catchEvents.open(ctx, instance));
    ctx.followUp(() -> conditions.evaluateOwner(ctx, key));
    return instance;
  }

  /** Creates a child instance that skips the ACTIVATING step: a catch event that was already triggered. */
  long activateDirectly(ProcessingContext ctx, ElementInstance flowScope, ExecutableElement element, int consumedFlows) {
    long key = state.nextKey();
    ctx.emit(
        new ElementActivating(
            key, flowScope.process().key(), element.id(), flowScope.key(), flowScope.processInstanceKey(), consumedFlows,
            ctx.now()));
    ctx.emit(new ElementActivated(key));
    return key;
  }

  /** The ACTIVATING step of an element instance: input mappings, then what the element does. */
  void activate(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() != ElementState.ACTIVATING) {
      return; // terminated while the step was queued
    }
    ExecutableElement element = instance.element();
    if (instance.isMultiInstanceBody()) {
      activateBody(ctx, instance);
      return;
    }
    if (!element.inputs().isEmpty()) {
      Map<String, Object> inputs;
      try {
        inputs = variables.evaluate(element.inputs(), state.visibleVariables(instance.flowScopeKey()));
      } catch (FeelException e) {
        incidents.raiseOnElement(ctx, instance, "IO_MAPPING_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
        return;
      }
      variables.setLocal(ctx, key, instance.processInstanceKey(), instance.process().tenantId(), inputs);
    }
    continueActivation(ctx, key);
  }

  /** After input mappings: start listeners, subscriptions, then what the element does. Runs again after each start listener. */
  void continueActivation(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() != ElementState.ACTIVATING) {
      return;
    }
    if (executionListeners.awaitStartListener(ctx, instance)) {
      return;
    }
    List<MessageSubscription> opened;
    try {
      opened = catchEvents.open(ctx, instance);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    // queued before what the element queues: a condition that already holds triggers before the element moves on
    ctx.followUp(() -> conditions.evaluateOwner(ctx, key));
    processors.of(instance).onActivate(ctx, instance);
    offerBufferedMessages(ctx, opened);
  }

  /** A multi-instance body opens the activity's boundary events, then starts its inner instances. */
  private void activateBody(ProcessingContext ctx, ElementInstance body) {
    List<MessageSubscription> opened;
    try {
      opened = catchEvents.open(ctx, body);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, body, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ctx.followUp(() -> conditions.evaluateOwner(ctx, body.key()));
    multiInstance.activateBody(ctx, body);
    offerBufferedMessages(ctx, opened);
  }

  private void offerBufferedMessages(ProcessingContext ctx, List<MessageSubscription> opened) {
    if (!opened.isEmpty()) {
      ctx.followUp(() -> opened.forEach(subscription -> messages.correlateBuffered(ctx, subscription)));
    }
  }

  /** The COMPLETING step: output mappings, then end listeners and what the element does on completion. */
  void complete(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || (instance.state() != ElementState.ACTIVATED && instance.state() != ElementState.COMPLETING)) {
      return;
    }
    if (instance.state() == ElementState.ACTIVATED) {
      ctx.emit(new ElementCompleting(key));
    }
    resolveConditionIncidents(ctx, key);
    ExecutableElement element = instance.element();
    if (instance.isMultiInstanceBody()) {
      multiInstance.propagateOutput(ctx, instance);
      finishCompletion(ctx, key);
      return;
    }
    if (!element.outputs().isEmpty() && !instance.isAdHocInnerInstance()) {
      Map<String, Object> outputs;
      try {
        outputs = variables.evaluate(element.outputs(), state.visibleVariables(key));
      } catch (FeelException e) {
        incidents.raiseOnElement(ctx, instance, "IO_MAPPING_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      long target = instance.flowScopeKey() >= 0 ? instance.flowScopeKey() : key;
      variables.propagate(ctx, target, instance.processInstanceKey(), instance.process().tenantId(), outputs);
    }
    finishCompletion(ctx, key);
  }

  /**
   * A completing element waits for no conditional event any more, so a CONDITION_ERROR raised on
   * them (a job may complete the element meanwhile) has nothing left to retry: it is resolved.
   */
  private void resolveConditionIncidents(ProcessingContext ctx, long key) {
    for (Incident incident : state.activeIncidentsOf(key)) {
      if (incident.step() == IncidentStep.EVALUATE_CONDITIONS || incident.step() == IncidentStep.AD_HOC_COMPLETION_CONDITION) {
        ctx.emit(new IncidentResolved(incident.key(), ctx.now()));
      }
    }
  }

  /** After output mappings: end listeners, then the element's own completion. Runs again after each end listener. */
  void finishCompletion(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() != ElementState.COMPLETING) {
      return;
    }
    boolean ownListeners = !instance.isMultiInstanceBody() && !instance.isAdHocInnerInstance();
    if (ownListeners && executionListeners.awaitEndListener(ctx, instance)) {
      return;
    }
    if (multiInstance.isInner(instance)) {
      if (multiInstance.collectOutput(ctx, instance)) {
        ctx.emit(new ElementCompleted(key, ctx.now()));
        compensation.completed(ctx, instance, true);
        multiInstance.innerCompleted(ctx, instance.flowScopeKey());
      }
      return;
    }
    if (instance.isMultiInstanceBody()) {
      leave(ctx, instance, instance.element().outgoing());
      return;
    }
    processors.of(instance).onComplete(ctx, instance);
  }

  /**
   * The element completes and its token moves on along {@code flows}; joining gateways of the scope
   * that now have what they wait for activate; the container completes if this was its last token.
   */
  void leave(ProcessingContext ctx, ElementInstance instance, List<SequenceFlow> flows) {
    ctx.emit(new ElementCompleted(instance.key(), ctx.now()));
    // an ad-hoc inner instance carries the sub-process's element but is not the sub-process: no handler of its own
    compensation.completed(ctx, instance, instance.isAdHocInnerInstance());
    ElementInstance flowScope = state.elementInstance(instance.flowScopeKey()).orElseThrow();
    for (SequenceFlow flow : flows) {
      ExecutableElement target = flowScope.process().element(flow.targetId());
      boolean join = target.isJoiningGateway();
      ctx.emit(new SequenceFlowTaken(flowScope.key(), flow.id(), join));
      if (!join) {
        activateElement(ctx, flowScope, target, 1);
      }
    }
    activateReadyJoins(ctx, flowScope);
    processors.of(flowScope).onChildLeft(ctx, state.elementInstance(flowScope.key()).orElseThrow(), instance, flows);
  }

  /** The element completes and its token goes on at {@code target} in the same scope, without a sequence flow (a link). */
  void leaveTo(ProcessingContext ctx, ElementInstance instance, ExecutableElement target) {
    ctx.emit(new ElementCompleted(instance.key(), ctx.now()));
    ElementInstance flowScope = state.elementInstance(instance.flowScopeKey()).orElseThrow();
    activateElement(ctx, flowScope, target, 0);
  }

  /**
   * Checked after every token move in a scope, once all the flows of the move are taken: a parallel
   * join waits for a token on each incoming flow, an inclusive join for every token that can still arrive.
   */
  private void activateReadyJoins(ProcessingContext ctx, ElementInstance scope) {
    if (!scope.hasJoinTokens()) {
      return;
    }
    for (ExecutableElement gateway : scope.element().children()) {
      if (gateway.isJoiningGateway() && processors.of(gateway).readyToJoin(scope, gateway)) {
        int consumed = (int) gateway.incoming().stream().filter(flow -> scope.joinTokens(flow.id()) > 0).count();
        activateElement(ctx, scope, gateway, consumed);
      }
    }
  }

  /** A container completes when no child is alive and no token is on its way or waiting at a join. */
  void completeScopeIfDone(ProcessingContext ctx, ElementInstance flowScope) {
    ElementInstance scope = state.elementInstance(flowScope.key()).orElse(null);
    if (scope != null && scope.state() == ElementState.ACTIVATED && scope.childCount() == 0 && scope.activeFlows() == 0) {
      ctx.followUp(() -> complete(ctx, scope.key()));
    }
  }

  /**
   * Terminates an element instance and everything in it: its incidents and job first, then what its
   * processor ends (a called instance, a user task), then its children. A process instance that ends
   * this way tells its awaiting callers.
   */
  void terminate(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() == ElementState.TERMINATING) {
      return;
    }
    ctx.emit(new ElementTerminating(key));
    for (Incident incident : state.activeIncidentsOf(key)) {
      ctx.emit(new IncidentResolved(incident.key(), ctx.now()));
    }
    if (instance.jobKey() >= 0) {
      ctx.emit(new JobCanceled(instance.jobKey(), ctx.now()));
    }
    if (!instance.isMultiInstanceBody() && processors.of(instance).onTerminate(ctx, instance)) {
      return; // the processor finishes the termination later
    }
    List<ElementInstance> children = state.children(key);
    if (children.isEmpty()) {
      finishTermination(ctx, instance);
    }
    for (ElementInstance child : children) {
      terminate(ctx, child.key()); // the last child to end finishes this instance
    }
  }

  void finishTermination(ProcessingContext ctx, ElementInstance instance) {
    if (instance.flowScopeKey() < 0) {
      processors.process().terminated(ctx, instance);
      return;
    }
    ctx.emit(new ElementTerminated(instance.key(), ctx.now()));
    ElementInstance scope = state.elementInstance(instance.flowScopeKey()).orElse(null);
    if (scope != null && scope.state() == ElementState.TERMINATING && scope.childCount() == 0) {
      finishTermination(ctx, scope);
    }
  }
}
