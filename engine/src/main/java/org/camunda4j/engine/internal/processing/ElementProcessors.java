package org.camunda4j.engine.internal.processing;

import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.EventKind;
import org.camunda4j.engine.internal.model.ExecutableElement;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Which {@link ElementProcessor} runs which element: one processor per element kind, built once
 * from the shared behaviours, and one line per kind (and event definition) in {@link #of}.
 */
final class ElementProcessors {

  private final ProcessProcessor process;
  private final SubProcessProcessor subProcess;
  private final EventSubProcessProcessor eventSubProcess;
  private final PassThroughProcessor passThrough;
  private final AwaitEventProcessor awaitEvent;
  private final JobWorkerTaskProcessor jobWorkerTask;
  private final BusinessRuleTaskProcessor businessRuleTask;
  private final UserTaskProcessor userTask;
  private final CallActivityProcessor callActivity;
  private final ExclusiveGatewayProcessor exclusiveGateway;
  private final ParallelGatewayProcessor parallelGateway;
  private final InclusiveGatewayProcessor inclusiveGateway;
  private final ScriptTaskProcessor scriptTask;
  private final SignalThrowEventProcessor signalThrowEvent;
  private final LinkThrowEventProcessor linkThrowEvent;
  private final EscalationThrowEventProcessor escalationThrowEvent;
  private final TerminateEndEventProcessor terminateEndEvent;
  private final ErrorEndEventProcessor errorEndEvent;
  private final CompensationThrowEventProcessor compensationThrowEvent;
  private final AdHocSubProcessProcessor adHocSubProcess;
  private final AdHocInnerInstanceProcessor adHocInnerInstance;

  /** The behaviours the processors share. */
  record Behaviors(
      EngineState state,
      Feel feel,
      ElementExpressions expressions,
      VariableBehavior variables,
      IncidentBehavior incidents,
      JobBehavior jobs,
      ErrorBehavior errors,
      UserTaskBehavior userTasks,
      MessageCommands messages,
      CompletionWaiters completionWaiters,
      SignalCommands signals,
      CatchEventBehavior catchEvents,
      DecisionBehavior decisions,
      CompensationBehavior compensation) {}

  ElementProcessors(BpmnBehavior bpmn, Behaviors b) {
    this.callActivity = new CallActivityProcessor(bpmn, b.state(), b.expressions(), b.variables(), b.incidents());
    this.process = new ProcessProcessor(bpmn, b.state(), b.variables(), b.completionWaiters(), b.messages(), callActivity);
    this.subProcess = new SubProcessProcessor(bpmn);
    this.eventSubProcess = new EventSubProcessProcessor(bpmn);
    this.passThrough = new PassThroughProcessor(bpmn);
    this.awaitEvent = new AwaitEventProcessor(bpmn);
    this.jobWorkerTask = new JobWorkerTaskProcessor(bpmn, b.jobs());
    this.businessRuleTask = new BusinessRuleTaskProcessor(bpmn, b.state(), b.expressions(), b.variables(), b.incidents(), b.decisions());
    this.userTask = new UserTaskProcessor(bpmn, b.userTasks());
    this.exclusiveGateway = new ExclusiveGatewayProcessor(bpmn, b.state(), b.feel(), b.incidents());
    this.parallelGateway = new ParallelGatewayProcessor(bpmn);
    this.inclusiveGateway = new InclusiveGatewayProcessor(bpmn, b.state(), b.feel(), b.incidents());
    this.signalThrowEvent = new SignalThrowEventProcessor(bpmn, b.state(), b.expressions(), b.signals());
    this.linkThrowEvent = new LinkThrowEventProcessor(bpmn);
    this.escalationThrowEvent = new EscalationThrowEventProcessor(bpmn, b.state(), b.expressions(), b.errors(), b.catchEvents());
    this.scriptTask = new ScriptTaskProcessor(bpmn, b.expressions(), b.variables());
    this.terminateEndEvent = new TerminateEndEventProcessor(bpmn, b.state());
    this.errorEndEvent = new ErrorEndEventProcessor(bpmn, b.errors(), b.incidents());
    this.compensationThrowEvent = new CompensationThrowEventProcessor(bpmn, b.compensation());
    this.adHocInnerInstance = new AdHocInnerInstanceProcessor(bpmn, b.state(), b.feel(), b.variables(), b.incidents());
    this.adHocSubProcess =
        new AdHocSubProcessProcessor(
            bpmn, b.state(), b.feel(), b.expressions(), b.variables(), b.incidents(), b.jobs(), adHocInnerInstance);
  }

  ProcessProcessor process() {
    return process;
  }

  AdHocSubProcessProcessor adHocSubProcess() {
    return adHocSubProcess;
  }

  /** The processor of an instance: by its element, except an ad-hoc inner instance, which has the sub-process's element. */
  ElementProcessor of(ElementInstance instance) {
    return instance.isAdHocInnerInstance() ? adHocInnerInstance : of(instance.element());
  }

  ElementProcessor of(ExecutableElement element) {
    return switch (element.type()) {
      case PROCESS -> process;
      case SUB_PROCESS -> subProcess;
      case EVENT_SUB_PROCESS -> eventSubProcess;
      case AD_HOC_SUB_PROCESS -> adHocSubProcess;
      case SERVICE_TASK, SEND_TASK -> jobWorkerTask;
      case BUSINESS_RULE_TASK -> element.calledDecision() != null ? businessRuleTask : jobWorkerTask;
      case SCRIPT_TASK -> element.script() != null ? scriptTask : jobWorkerTask;
      case TASK, MANUAL_TASK -> passThrough;
      case USER_TASK -> userTask;
      case CALL_ACTIVITY -> callActivity;
      case RECEIVE_TASK, EVENT_BASED_GATEWAY -> awaitEvent;
      case EXCLUSIVE_GATEWAY -> exclusiveGateway;
      case PARALLEL_GATEWAY -> parallelGateway;
      case INCLUSIVE_GATEWAY -> inclusiveGateway;
      case END_EVENT ->
          switch (element.eventKind()) {
            case TERMINATE -> terminateEndEvent;
            case ERROR -> errorEndEvent;
            case MESSAGE -> jobWorkerTask;
            case SIGNAL -> signalThrowEvent;
            case ESCALATION -> escalationThrowEvent;
            case COMPENSATION -> compensationThrowEvent;
            default -> passThrough;
          };
      case INTERMEDIATE_THROW_EVENT ->
          switch (element.eventKind()) {
            case MESSAGE -> jobWorkerTask;
            case SIGNAL -> signalThrowEvent;
            case LINK -> linkThrowEvent;
            case ESCALATION -> escalationThrowEvent;
            case COMPENSATION -> compensationThrowEvent;
            default -> passThrough;
          };
      case INTERMEDIATE_CATCH_EVENT -> element.eventKind() == EventKind.LINK ? passThrough : awaitEvent;
      case START_EVENT, BOUNDARY_EVENT -> passThrough;
    };
  }
}
