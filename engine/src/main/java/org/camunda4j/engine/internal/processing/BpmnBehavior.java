package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.model.ElementType;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.model.JobDefinition;
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
import org.camunda4j.engine.internal.record.EngineEvent.JobCreated;
import org.camunda4j.engine.internal.record.EngineEvent.JoinTokensDiscarded;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstanceCreated;
import org.camunda4j.engine.internal.record.EngineEvent.SequenceFlowTaken;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Incident;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.JobKind;

/**
 * How tokens move through a process: activating, completing and terminating element instances and
 * taking sequence flows. Each step that can fail (a FEEL expression) raises an incident and stops;
 * resolving the incident runs the same step again, so every step here is safe to re-run.
 */
final class BpmnBehavior {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final CompletionWaiters completionWaiters;
  private UserTaskBehavior userTasks; // --- user tasks: bound once by EngineOperations, since each needs the other
  private final CatchEventBehavior catchEvents;
  private final ErrorBehavior errors;
  private final ExecutionListenerBehavior executionListeners;
  private final MultiInstanceBehavior multiInstance;
  private MessageCommands messages;
  /** Instances started at a message, timer or signal start event: where to start, with what payload. */
  private final Map<Long, TriggeredStart> triggeredStarts = new java.util.HashMap<>();

  private record TriggeredStart(ExecutableElement startEvent, Map<String, Object> payload) {}

  BpmnBehavior(
      EngineState state,
      Feel feel,
      VariableBehavior variables,
      IncidentBehavior incidents,
      CompletionWaiters waiters,
      CatchEventBehavior catchEvents,
      ErrorBehavior errors,
      ExecutionListenerBehavior executionListeners,
      MultiInstanceBehavior multiInstance) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.completionWaiters = waiters;
    this.catchEvents = catchEvents;
    this.errors = errors;
    this.executionListeners = executionListeners;
    this.multiInstance = multiInstance;
  }

  void bind(MessageCommands messages) {
    this.messages = messages;
  }

  long createProcessInstance(ProcessingContext ctx, ProcessDefinition definition, NewInstance request) {
    long key = state.nextKey();
    if (definition.process().noneStartEvent().isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to create an instance of process '" + definition.bpmnProcessId()
              + "' with a none start event, but it has none: start it with a message, timer or signal instead");
    }
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), request.tags(), request.businessId(), -1, -1, key, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0));
    variables.setLocal(ctx, key, key, definition.tenantId(), request.variables());
    ctx.followUp(() -> activate(ctx, key));
    return key;
  }

  /** A call activity starts the latest version of the called process as its child. */
  private void callProcess(ProcessingContext ctx, ElementInstance call) {
    ExecutableElement element = call.element();
    String processId;
    try {
      processId = feel.evaluateString(element.calledProcessId(), state.visibleVariables(call.key()));
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, call, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ProcessDefinition definition = state.latestDefinition(processId).orElse(null);
    if (definition == null || definition.process().noneStartEvent().isEmpty()) {
      incidents.raiseOnElement(
          ctx, call, "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '" + processId + "' to be deployed, but not found.", IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ctx.emit(new ElementActivated(call.key()));
    Map<String, Object> input = new java.util.HashMap<>();
    if (element.propagateAllParentVariables()) {
      input.putAll(state.visibleVariables(call.key()));
      // a multi-instance body's bookkeeping (output collection, counters) is not the child's business,
      // and a copy coming back would overwrite what other inner instances collected meanwhile
      state.elementInstance(call.flowScopeKey())
          .filter(scope -> scope.isMultiInstanceBody() && scope.element() == element)
          .ifPresent(body -> state.localVariables(body.key()).keySet().forEach(input::remove));
    } else {
      state.localVariables(call.key()).forEach((name, variable) -> input.put(name, variable.value()));
    }
    long root = state.processInstance(call.processInstanceKey()).map(p -> p.rootProcessInstanceKey()).orElse(call.processInstanceKey());
    long key = state.nextKey();
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), List.of(), null, call.processInstanceKey(), call.key(), root, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0));
    variables.setLocal(ctx, key, key, definition.tenantId(), input);
    ctx.followUp(() -> activate(ctx, key));
  }

  /** A called child completed: its variables come back to the call activity, which completes. */
  private void returnToCaller(ProcessingContext ctx, long parentElementInstanceKey, Map<String, Object> childVariables) {
    ElementInstance call = state.elementInstance(parentElementInstanceKey).orElse(null);
    if (call == null || call.state() != ElementState.ACTIVATED) {
      return;
    }
    ExecutableElement element = call.element();
    String tenantId = call.process().tenantId();
    if (element.propagateAllChildVariables() && element.outputs().isEmpty()) {
      variables.propagate(ctx, call.key(), call.processInstanceKey(), tenantId, childVariables);
    } else {
      variables.setLocal(ctx, call.key(), call.processInstanceKey(), tenantId, childVariables);
    }
    ctx.followUp(() -> complete(ctx, call.key()));
  }

  /**
   * Starts an instance at a message, timer or signal start event; the start event completes at once
   * with the payload, which propagates to the new instance.
   */
  long createProcessInstanceAt(ProcessingContext ctx, ProcessDefinition definition, ExecutableElement startEvent, Map<String, Object> payload) {
    long key = state.nextKey();
    ctx.emit(new ProcessInstanceCreated(key, definition.key(), List.of(), null, -1, -1, key, ctx.now()));
    ctx.emit(new ElementActivating(key, definition.key(), definition.process().id(), -1, key, 0));
    triggeredStarts.put(key, new TriggeredStart(startEvent, payload));
    ctx.followUp(() -> activate(ctx, key));
    return key;
  }

  // --- user tasks
  void bindUserTasks(UserTaskBehavior userTasks) {
    this.userTasks = userTasks;
  }

  /** Resolving the expression incident of a task listener runs that listener again. */
  void resumeUserTaskListeners(ProcessingContext ctx, long elementInstanceKey) {
    userTasks.resumeListeners(ctx, elementInstanceKey);
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
    ExecutableElement element = instance.element();
    if (executionListeners.awaitStartListener(ctx, instance)) {
      return;
    }
    if (element.type() == ElementType.END_EVENT && element.eventKind() == EventKind.ERROR) {
      throwErrorEvent(ctx, instance);
      return;
    }
    List<org.camunda4j.engine.internal.state.MessageSubscription> opened;
    try {
      opened = catchEvents.open(ctx, instance);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    switch (element.type()) {
      case PROCESS -> {
        ctx.emit(new ElementActivated(key));
        TriggeredStart triggered = triggeredStarts.remove(key);
        ElementInstance root = state.elementInstance(key).orElseThrow();
        if (triggered == null) {
          activateElement(ctx, root, element.noneStartEvent().orElseThrow(), 0);
        } else {
          long start = activateDirectly(ctx, root, triggered.startEvent(), 0);
          variables.propagate(ctx, start, key, instance.process().tenantId(), triggered.payload());
          ctx.followUp(() -> complete(ctx, start));
        }
      }
      case SUB_PROCESS -> {
        ctx.emit(new ElementActivated(key));
        activateElement(ctx, state.elementInstance(key).orElseThrow(), element.noneStartEvent().orElseThrow(), 0);
      }
      case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, SCRIPT_TASK -> createJob(ctx, instance);
      case USER_TASK -> userTasks.create(ctx, instance); // --- user tasks
      case CALL_ACTIVITY -> callProcess(ctx, instance);
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK, EVENT_BASED_GATEWAY -> ctx.emit(new ElementActivated(key));
      case END_EVENT -> {
        ctx.emit(new ElementActivated(key));
        if (element.eventKind() == EventKind.TERMINATE) {
          terminateSiblings(ctx, instance);
        }
        ctx.followUp(() -> complete(ctx, key));
      }
      default -> {
        ctx.emit(new ElementActivated(key));
        ctx.followUp(() -> complete(ctx, key));
      }
    }
    if (!opened.isEmpty()) {
      ctx.followUp(() -> opened.forEach(subscription -> messages.correlateBuffered(ctx, subscription)));
    }
  }

  /** An error end event throws its error; nothing catching it leaves an incident on the end event. */
  private void throwErrorEvent(ProcessingContext ctx, ElementInstance endEvent) {
    String code = endEvent.element().errorCode();
    ErrorBehavior.Catch found = errors.find(endEvent, code);
    if (found == null) {
      incidents.raiseOnElement(
          ctx, endEvent, "UNHANDLED_ERROR_EVENT", ErrorBehavior.uncaughtMessage(code, null), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    errors.trigger(ctx, found, Map.of());
  }

  /** Creates a child instance that skips the ACTIVATING step: a catch event that was already triggered. */
  long activateDirectly(ProcessingContext ctx, ElementInstance flowScope, ExecutableElement element, int consumedFlows) {
    long key = state.nextKey();
    ctx.emit(
        new ElementActivating(
            key, flowScope.process().key(), element.id(), flowScope.key(), flowScope.processInstanceKey(), consumedFlows));
    ctx.emit(new ElementActivated(key));
    return key;
  }

  private void createJob(ProcessingContext ctx, ElementInstance instance) {
    JobDefinition definition = instance.element().jobDefinition();
    Map<String, Object> context = state.visibleVariables(instance.key());
    String type;
    long retries;
    try {
      type = feel.evaluateString(definition.type(), context);
      retries = feel.evaluateLong(definition.retries(), context);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    ProcessDefinition process = instance.process();
    ctx.emit(
        new JobCreated(
            state.nextKey(), type, (int) retries, definition.headers(), instance.key(), instance.element().id(),
            instance.processInstanceKey(), process.key(), process.bpmnProcessId(), process.version(), process.tenantId(),
            JobKind.BPMN_ELEMENT, "UNSPECIFIED", ctx.now()));
    ctx.emit(new ElementActivated(instance.key()));
    ctx.jobsAvailable(type);
  }

  /**
   * Creates a child instance of {@code flowScope}; its activation runs as a follow-up step. A
   * multi-instance activity is entered through its body.
   */
  void activateElement(ProcessingContext ctx, ElementInstance flowScope, ExecutableElement element, int consumedFlows) {
    long key = state.nextKey();
    ctx.emit(
        new ElementActivating(
            key, flowScope.process().key(), element.id(), flowScope.key(), flowScope.processInstanceKey(), consumedFlows,
            element.multiInstance() != null));
    ctx.followUp(() -> activate(ctx, key));
  }

  /** A multi-instance body opens the activity's boundary events, then starts its inner instances. */
  private void activateBody(ProcessingContext ctx, ElementInstance body) {
    List<org.camunda4j.engine.internal.state.MessageSubscription> opened;
    try {
      opened = catchEvents.open(ctx, body);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, body, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    multiInstance.activateBody(ctx, body);
    if (!opened.isEmpty()) {
      ctx.followUp(() -> opened.forEach(subscription -> messages.correlateBuffered(ctx, subscription)));
    }
  }

  /** The COMPLETING step: output mappings, the choice of outgoing flows, then the flows. */
  void complete(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || (instance.state() != ElementState.ACTIVATED && instance.state() != ElementState.COMPLETING)) {
      return;
    }
    if (instance.state() == ElementState.ACTIVATED) {
      ctx.emit(new ElementCompleting(key));
    }
    ExecutableElement element = instance.element();
    String tenantId = instance.process().tenantId();
    if (instance.isMultiInstanceBody()) {
      multiInstance.propagateOutput(ctx, instance);
      finishCompletion(ctx, key);
      return;
    }
    if (!element.outputs().isEmpty()) {
      Map<String, Object> outputs;
      try {
        outputs = variables.evaluate(element.outputs(), state.visibleVariables(key));
      } catch (FeelException e) {
        incidents.raiseOnElement(ctx, instance, "IO_MAPPING_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      long target = instance.flowScopeKey() >= 0 ? instance.flowScopeKey() : key;
      variables.propagate(ctx, target, instance.processInstanceKey(), tenantId, outputs);
    }
    finishCompletion(ctx, key);
  }

  /** After output mappings: end listeners, then the choice of flows and the flows. Runs again after each end listener. */
  void finishCompletion(ProcessingContext ctx, long key) {
    ElementInstance instance = state.elementInstance(key).orElse(null);
    if (instance == null || instance.state() != ElementState.COMPLETING) {
      return;
    }
    ExecutableElement element = instance.element();
    if (!instance.isMultiInstanceBody() && executionListeners.awaitEndListener(ctx, instance)) {
      return;
    }
    if (multiInstance.isInner(instance)) {
      if (multiInstance.collectOutput(ctx, instance)) {
        ctx.emit(new ElementCompleted(key, ctx.now()));
        multiInstance.innerCompleted(ctx, instance.flowScopeKey());
      }
      return;
    }
    List<SequenceFlow> flows = element.outgoing();
    if (element.type() == ElementType.EXCLUSIVE_GATEWAY) {
      SequenceFlow chosen;
      try {
        chosen = chooseFlow(element, state.visibleVariables(key));
      } catch (FeelException e) {
        incidents.raiseOnElement(ctx, instance, "CONDITION_ERROR", e.getMessage(), IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      if (chosen == null && !element.outgoing().isEmpty()) {
        incidents.raiseOnElement(
            ctx, instance, "CONDITION_ERROR",
            "Expected at least one condition to evaluate to true, or to have a default flow", IncidentStep.COMPLETE_ELEMENT);
        return;
      }
      flows = chosen == null ? List.of() : List.of(chosen);
    }
    if (instance.flowScopeKey() < 0) {
      Map<String, Object> rootVariables = state.visibleVariables(key);
      completionWaiters.completed(ctx, key, rootVariables);
      java.util.Optional<String> startedBy = state.startingCorrelationKey(key);
      ctx.emit(new ElementCompleted(key, ctx.now()));
      startedBy.ifPresent(k -> messages.instanceStartedByMessageEnded(ctx, instance.process().bpmnProcessId(), k));
      long caller = state.processInstance(key).map(p -> p.parentElementInstanceKey()).orElse(-1L);
      if (caller >= 0) {
        returnToCaller(ctx, caller, rootVariables);
      }
      return;
    }
    ctx.emit(new ElementCompleted(key, ctx.now()));
    ElementInstance flowScope = state.elementInstance(instance.flowScopeKey()).orElseThrow();
    for (SequenceFlow flow : flows) {
      takeFlow(ctx, flowScope, flow);
    }
    completeScopeIfDone(ctx, flowScope);
  }

  private SequenceFlow chooseFlow(ExecutableElement gateway, Map<String, Object> context) throws FeelException {
    SequenceFlow defaultFlow = null;
    for (SequenceFlow flow : gateway.outgoing()) {
      if (gateway.defaultFlowId().filter(flow.id()::equals).isPresent()) {
        defaultFlow = flow;
      } else if (!flow.hasCondition() || feel.evaluateBoolean(flow.condition(), context)) {
        return flow;
      }
    }
    return defaultFlow;
  }

  private void takeFlow(ProcessingContext ctx, ElementInstance flowScope, SequenceFlow flow) {
    ExecutableElement target = flowScope.process().element(flow.targetId());
    boolean join = target.isJoiningGateway();
    ctx.emit(new SequenceFlowTaken(flowScope.key(), flow.id(), join));
    if (!join) {
      activateElement(ctx, flowScope, target, 1);
      return;
    }
    ElementInstance scope = state.elementInstance(flowScope.key()).orElseThrow();
    boolean everyFlowArrived = target.incoming().stream().allMatch(incoming -> scope.joinTokens(incoming.id()) > 0);
    if (everyFlowArrived) {
      activateElement(ctx, scope, target, target.incoming().size());
    }
  }

  /** A container completes when no child is alive and no token is on its way or waiting at a join. */
  private void completeScopeIfDone(ProcessingContext ctx, ElementInstance flowScope) {
    ElementInstance scope = state.elementInstance(flowScope.key()).orElse(null);
    if (scope != null && scope.state() == ElementState.ACTIVATED && scope.childCount() == 0 && scope.activeFlows() == 0) {
      ctx.followUp(() -> complete(ctx, scope.key()));
    }
  }

  /** A terminate end event ends every other branch of its scope; tokens waiting at joins are dropped. */
  private void terminateSiblings(ProcessingContext ctx, ElementInstance endEvent) {
    for (ElementInstance sibling : state.children(endEvent.flowScopeKey())) {
      if (sibling.key() != endEvent.key()) {
        terminate(ctx, sibling.key());
      }
    }
    ctx.emit(new JoinTokensDiscarded(endEvent.flowScopeKey()));
  }

  /**
   * Terminates an element instance and everything in it: its children first, then its job and
   * incidents. A process instance that ends this way tells its awaiting callers.
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
    if (instance.calledInstanceKey() >= 0 && state.elementInstance(instance.calledInstanceKey()).isPresent()) {
      terminate(ctx, instance.calledInstanceKey());
    }
    // --- user tasks: canceling listeners hold the element in TERMINATING; the last one finishes it
    if (userTasks.cancel(ctx, instance)) {
      return;
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
    java.util.Optional<String> startedBy =
        instance.flowScopeKey() < 0 ? state.startingCorrelationKey(instance.key()) : java.util.Optional.empty();
    ctx.emit(new ElementTerminated(instance.key(), ctx.now()));
    if (instance.flowScopeKey() < 0) {
      completionWaiters.terminated(ctx, instance.key());
      startedBy.ifPresent(k -> messages.instanceStartedByMessageEnded(ctx, instance.process().bpmnProcessId(), k));
      return;
    }
    ElementInstance scope = state.elementInstance(instance.flowScopeKey()).orElse(null);
    if (scope != null && scope.state() == ElementState.TERMINATING && scope.childCount() == 0) {
      finishTermination(ctx, scope);
    }
  }
}
