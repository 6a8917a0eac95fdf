package org.camunda4j.engine.internal.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.Transaction;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ConditionalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAdHoc;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeConditionalFilter;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * Reads a BPMN file as Camunda Modeler saves it for Camunda 8 and turns each executable process
 * into {@link ExecutableElement}s.
 *
 * <p>Anything the engine would not execute — an element kind, an event definition or a zeebe
 * extension it does not implement — is rejected with a message naming the element's id and type,
 * because a model that deploys but silently ignores part of itself is worse than one that fails.
 */
public final class BpmnTransformer {

  /** Zeebe extension elements that carry no run-time behaviour here, so they are harmless. */
  private static final Set<String> INERT_EXTENSIONS =
      Set.of(
          "properties", "versionTag", "taskHeaders", "taskDefinition", "ioMapping", "executionListeners", "calledElement", "script",
          "calledDecision");

  private static final String NOT_EXECUTED = "this element is not executed by the camunda4j engine yet";

  private final Feel feel;

  public BpmnTransformer(Feel feel) {
    this.feel = feel;
  }

  public List<TransformedProcess> transform(String resourceName, byte[] resource) throws DeploymentException {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      throw new DeploymentException("'" + resourceName + "' is not a valid BPMN file: " + rootMessage(e));
    }
    try {
      Bpmn.validateModel(model);
    } catch (RuntimeException e) {
      throw new DeploymentException("'" + resourceName + "' is not a valid Camunda 8 model: " + rootMessage(e));
    }
    List<TransformedProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      try {
        if (process.isExecutable()) {
          processes.add(transformProcess(resourceName, process));
        }
      } catch (RuntimeException e) {
        // The model reads attribute values lazily: a value it cannot convert (an unknown enum
        // constant, a malformed number) surfaces only here, and is the modeller's to fix.
        throw new DeploymentException("'" + resourceName + "' has an invalid value in process '" + process.getId() + "': "
            + rootMessage(e));
      }
    }
    if (processes.isEmpty()) {
      throw new DeploymentException("'" + resourceName + "' contains no executable process: set isExecutable=\"true\" on the process");
    }
    return processes;
  }

  private TransformedProcess transformProcess(String resourceName, Process process) throws DeploymentException {
    Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    ExecutableElement root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS, EventKind.NONE);
    elements.put(root.id(), root);
    rejectUnsupportedExtensions(process);
    readExecutionListeners(process, root);
    readScope(resourceName, process.getFlowElements(), root, elements);
    resolveCompensation(elements);
    rejectRepeatedStartConditions(root);
    root.containsConditionalEvents = elements.values().stream().anyMatch(e -> e.eventKind() == EventKind.CONDITIONAL);
    boolean startable = root.children.stream().anyMatch(c -> c.type() == ElementType.START_EVENT);
    if (!startable) {
      throw new DeploymentException(
          "Process '" + process.getId() + "' in '" + resourceName + "' has no start event, so no instance of it can be created");
    }
    ZeebeVersionTag versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
    return new TransformedProcess(
        process.getId(), process.getName(), versionTag == null ? null : versionTag.getValue(), root, Map.copyOf(elements));
  }

  /**
   * Data objects and data stores (and the references the Modeler draws) document what a process
   * handles; Camunda 8.9 deploys them and ignores them at runtime, and so does this engine.
   */
  private static boolean isData(FlowElement element) {
    return element instanceof io.camunda.zeebe.model.bpmn.instance.DataObject
        || element instanceof io.camunda.zeebe.model.bpmn.instance.DataObjectReference
        || element instanceof io.camunda.zeebe.model.bpmn.instance.DataStoreReference;
  }

  private void readScope(
      String resourceName, Collection<FlowElement> flowElements, ExecutableElement scope, Map<String, ExecutableElement> elements)
      throws DeploymentException {
    List<io.camunda.zeebe.model.bpmn.instance.SequenceFlow> flows = new ArrayList<>();
    for (FlowElement flowElement : flowElements) {
      if (flowElement instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow) {
        flows.add(flow);
      } else if (flowElement instanceof FlowNode node) {
        ExecutableElement element = readNode(node, scope);
        element.flowScope(scope);
        scope.children.add(element);
        elements.put(element.id(), element);
        if (node instanceof SubProcess subProcess) {
          readScope(resourceName, subProcess.getFlowElements(), element, elements);
          boolean isEvent = element.type() == ElementType.EVENT_SUB_PROCESS;
          long starts = element.children.stream().filter(c -> c.type() == ElementType.START_EVENT).count();
          if (element.type() == ElementType.AD_HOC_SUB_PROCESS) {
            checkActiveElements(node, element);
          } else if (!isEvent && element.noneStartEvent().isEmpty()) {
            throw unsupported(node, "an embedded sub-process needs a none start event");
          }
          if (isEvent && starts != 1) {
            throw unsupported(node, "an event sub-process needs exactly one start event");
          }
        }
      } else if (!isData(flowElement)) {
        throw unsupported(flowElement, NOT_EXECUTED);
      }
    }
    for (var flow : flows) {
      FeelExpression condition = null;
      ConditionExpression expression = flow.getConditionExpression();
      if (expression != null && expression.getTextContent() != null && !expression.getTextContent().isBlank()) {
        String text = expression.getTextContent().strip();
        if (!text.startsWith("=")) {
          throw unsupported(flow, "a condition must be a FEEL expression starting with '=', found '" + text + "'");
        }
        condition = parseFeel(flow, "condition", text.substring(1));
      }
      SequenceFlow sequenceFlow = new SequenceFlow(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), condition);
      elements.get(sequenceFlow.sourceId()).outgoing.add(sequenceFlow);
      elements.get(sequenceFlow.targetId()).incoming.add(sequenceFlow);
    }
    for (ExecutableElement child : scope.children) {
      if (child.type() == ElementType.BOUNDARY_EVENT) {
        ExecutableElement activity = elements.get(child.attachedToId);
        if (activity == null || activity.flowScope().orElse(null) != scope) {
          throw new DeploymentException("Element '" + child.id() + "' of type 'boundaryEvent' is not attached to an activity of its scope");
        }
        child.attachedTo = activity;
        activity.boundaryEvents.add(child);
      }
    }
    resolveLinks(scope);
    for (ExecutableElement child : scope.children) {
      rejectAmbiguousErrorCatchEvents(child.id(), child.boundaryEvents);
    }
    rejectAmbiguousErrorCatchEvents(
        scope.id(), scope.eventSubProcesses().stream().flatMap(e -> e.eventSubProcessStart().stream()).toList());
    for (ExecutableElement child : scope.children) {
      if (child.defaultFlowId != null) {
        boolean known = child.outgoing.stream().anyMatch(f -> f.id().equals(child.defaultFlowId));
        if (!known) {
          throw new DeploymentException(
              "Element '" + child.id() + "' of type '" + child.type().bpmnName() + "' names a default flow that is not one of its outgoing flows");
        }
      }
    }
  }

  private ExecutableElement readNode(FlowNode node, ExecutableElement scope) throws DeploymentException {
    rejectUnsupportedExtensions(node);
    MultiInstanceDefinition multiInstance = null;
    if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      multiInstance = multiInstance(activity);
    }
    boolean inEventSubProcess = scope.type() == ElementType.EVENT_SUB_PROCESS;
    ExecutableElement element =
        switch (node) {
          case StartEvent start -> {
            Set<EventKind> allowed =
                inEventSubProcess
                    ? Set.of(EventKind.ERROR, EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL, EventKind.ESCALATION, EventKind.CONDITIONAL)
                    : scope.type() == ElementType.PROCESS
                        ? Set.of(EventKind.NONE, EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL, EventKind.CONDITIONAL)
                        : Set.of(EventKind.NONE);
            ExecutableElement e = event(start, ElementType.START_EVENT, allowed);
            if (e.eventKind() == EventKind.ERROR && !start.isInterrupting()) {
              throw unsupported(start, "an error start event always interrupts its scope: remove isInterrupting=\"false\"");
            }
            e.interrupting = start.isInterrupting();
            e.startForm = startForm(start, scope);
            yield e;
          }
          case EndEvent end ->
              event(
                  end, ElementType.END_EVENT,
                  Set.of(
                      EventKind.NONE, EventKind.TERMINATE, EventKind.ERROR, EventKind.MESSAGE, EventKind.SIGNAL, EventKind.ESCALATION,
                      EventKind.COMPENSATION));
          case IntermediateThrowEvent thr ->
              event(thr, ElementType.INTERMEDIATE_THROW_EVENT, Set.of(EventKind.NONE, EventKind.MESSAGE, EventKind.SIGNAL, EventKind.LINK, EventKind.ESCALATION, EventKind.COMPENSATION));
          case BoundaryEvent boundary -> {
            ExecutableElement e =
                event(
                    boundary, ElementType.BOUNDARY_EVENT,
                    Set.of(
                        EventKind.ERROR, EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL, EventKind.ESCALATION, EventKind.COMPENSATION,
                        EventKind.CONDITIONAL));
            if (e.eventKind() == EventKind.ERROR && !boundary.cancelActivity()) {
              throw unsupported(boundary, "an error boundary event always interrupts its activity: remove cancelActivity=\"false\"");
            }
            e.interrupting = boundary.cancelActivity();
            e.attachedToId = boundary.getAttachedTo().getId();
            yield e;
          }
          case IntermediateCatchEvent c ->
              event(
                  c, ElementType.INTERMEDIATE_CATCH_EVENT,
                  Set.of(EventKind.MESSAGE, EventKind.TIMER, EventKind.SIGNAL, EventKind.LINK, EventKind.CONDITIONAL));
          case ReceiveTask task -> {
            ExecutableElement e = new ExecutableElement(task.getId(), task.getName(), ElementType.RECEIVE_TASK, EventKind.MESSAGE);
            if (task.getMessage() == null) {
              throw unsupported(task, "a receive task needs a message reference");
            }
            e.message = message(task, task.getMessage(), true);
            yield e;
          }
          case UserTask task -> new UserTaskTransformer(feel).transform(task); // --- user tasks
          case CallActivity call -> callActivity(call);
          case ServiceTask task -> jobTask(task, ElementType.SERVICE_TASK);
          case SendTask task -> jobTask(task, ElementType.SEND_TASK);
          case BusinessRuleTask task ->
              task.getSingleExtensionElement(ZeebeCalledDecision.class) != null
                  ? calledDecisionTask(task)
                  : jobTask(task, ElementType.BUSINESS_RULE_TASK);
          case ScriptTask task -> scriptTask(task);
          case ManualTask task -> new ExecutableElement(task.getId(), task.getName(), ElementType.MANUAL_TASK, EventKind.NONE);
          case ExclusiveGateway gateway -> {
            ExecutableElement e = new ExecutableElement(gateway.getId(), gateway.getName(), ElementType.EXCLUSIVE_GATEWAY, EventKind.NONE);
            e.defaultFlowId = gateway.getDefault() == null ? null : gateway.getDefault().getId();
            yield e;
          }
          case InclusiveGateway gateway -> {
            ExecutableElement e = new ExecutableElement(gateway.getId(), gateway.getName(), ElementType.INCLUSIVE_GATEWAY, EventKind.NONE);
            e.defaultFlowId = gateway.getDefault() == null ? null : gateway.getDefault().getId();
            yield e;
          }
          case ParallelGateway gateway ->
              new ExecutableElement(gateway.getId(), gateway.getName(), ElementType.PARALLEL_GATEWAY, EventKind.NONE);
          case EventBasedGateway gateway ->
              new ExecutableElement(gateway.getId(), gateway.getName(), ElementType.EVENT_BASED_GATEWAY, EventKind.NONE);
          case AdHocSubProcess adHoc -> adHocSubProcess(adHoc);
          case Transaction transaction -> throw unsupported(transaction, "transaction sub-processes are not executed (Camunda 8 does not either)");
          case SubProcess sub ->
              new ExecutableElement(
                  sub.getId(), sub.getName(), sub.triggeredByEvent() ? ElementType.EVENT_SUB_PROCESS : ElementType.SUB_PROCESS, EventKind.NONE);
          // an undefined task: every specific task kind is matched above
          case Task task when task.getElementType().getTypeName().equals("task") ->
              new ExecutableElement(task.getId(), task.getName(), ElementType.TASK, EventKind.NONE);
          default -> throw unsupported(node, NOT_EXECUTED);
        };
    rejectIgnoredJobExtensions(node, element);
    readIoMapping(node, element);
    readExecutionListeners(node, element);
    element.multiInstance = multiInstance;
    element.forCompensation = node instanceof Activity activity && activity.isForCompensation();
    return element;
  }

  /**
   * An ad-hoc sub-process: {@code zeebe:adHoc} (active elements collection, output collection and
   * element), the completion condition and {@code cancelRemainingInstances}; with a
   * {@code zeebe:taskDefinition} a job worker decides what it activates and when it completes.
   */
  private ExecutableElement adHocSubProcess(AdHocSubProcess adHoc) throws DeploymentException {
    ExecutableElement element = new ExecutableElement(adHoc.getId(), adHoc.getName(), ElementType.AD_HOC_SUB_PROCESS, EventKind.NONE);
    if (adHoc.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      element.jobDefinition = jobDefinition(adHoc, ElementType.AD_HOC_SUB_PROCESS);
    }
    ZeebeAdHoc zeebe = adHoc.getSingleExtensionElement(ZeebeAdHoc.class);
    String active = zeebe == null ? null : blankToNull(zeebe.getActiveElementsCollection());
    String outputCollection = zeebe == null ? null : blankToNull(zeebe.getOutputCollection());
    String outputElement = zeebe == null ? null : blankToNull(zeebe.getOutputElement());
    String condition =
        adHoc.getCompletionCondition() == null || adHoc.getCompletionCondition().getTextContent() == null
            ? null
            : blankToNull(adHoc.getCompletionCondition().getTextContent().strip());
    if (condition != null && !condition.startsWith("=")) {
      throw unsupported(adHoc, "the completion condition must be a FEEL expression starting with '='");
    }
    if (active != null && !active.strip().startsWith("=")) {
      throw unsupported(adHoc, "activeElementsCollection must be a FEEL expression starting with '='");
    }
    element.adHoc =
        new AdHocDefinition(
            active == null ? null : parse(adHoc, "active elements collection", active),
            condition == null ? null : parseFeel(adHoc, "completion condition", condition.substring(1)),
            adHoc.isCancelRemainingInstances(),
            outputCollection,
            outputElement == null ? null : parse(adHoc, "output element", outputElement));
    return element;
  }

  /** Camunda refuses an ad-hoc sub-process with nothing to activate, or with start or end events. */
  private static void checkActiveElements(FlowNode node, ExecutableElement element) throws DeploymentException {
    if (element.activatableElements().isEmpty()) {
      throw unsupported(node, "an ad-hoc sub-process needs at least one element without an incoming flow to activate");
    }
    for (ExecutableElement child : element.children) {
      if (child.type() == ElementType.START_EVENT || child.type() == ElementType.END_EVENT) {
        throw unsupported(node, "an ad-hoc sub-process must not contain start or end events, found '" + child.id() + "'");
      }
    }
  }

  private MultiInstanceDefinition multiInstance(Activity activity) throws DeploymentException {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop)) {
      throw unsupported(activity, "standard loops are not executed; use multi-instance with zeebe:loopCharacteristics");
    }
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
      throw unsupported(activity, "a multi-instance activity needs zeebe:loopCharacteristics with an inputCollection");
    }
    String condition =
        loop.getCompletionCondition() == null || loop.getCompletionCondition().getTextContent() == null
            ? null
            : loop.getCompletionCondition().getTextContent().strip();
    if (condition != null && !condition.isEmpty() && !condition.startsWith("=")) {
      throw unsupported(activity, "the completion condition must be a FEEL expression starting with '='");
    }
    return new MultiInstanceDefinition(
        loop.isSequential(),
        parse(activity, "input collection", zeebe.getInputCollection()),
        blankToNull(zeebe.getInputElement()),
        blankToNull(zeebe.getOutputCollection()),
        zeebe.getOutputElement() == null || zeebe.getOutputElement().isBlank() ? null : parse(activity, "output element", zeebe.getOutputElement()),
        condition == null || condition.isEmpty() ? null : parseFeel(activity, "completion condition", condition.substring(1)));
  }

  /**
   * Start listeners run after input mappings, end listeners after output mappings. Where one would
   * never run (a start listener on a start or boundary event, an end listener on a gateway or an
   * error end event), the model is rejected instead of silently ignoring it.
   */
  private void readExecutionListeners(BaseElement node, ExecutableElement element) throws DeploymentException {
    ZeebeExecutionListeners listeners = node.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (listeners == null) {
      return;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
      ExecutionListener.EventType eventType =
          listener.getEventType() != null && listener.getEventType().name().equalsIgnoreCase("end")
              ? ExecutionListener.EventType.END
              : ExecutionListener.EventType.START;
      if (listener.getType() == null || listener.getType().isBlank()) {
        throw unsupported(node, "an execution listener needs a job type");
      }
      if (!seen.add(eventType + "/" + listener.getType())) {
        throw unsupported(node, "the " + eventType.name().toLowerCase() + " execution listener of type '" + listener.getType() + "' is declared twice");
      }
      boolean startless = element.type() == ElementType.START_EVENT || element.type() == ElementType.BOUNDARY_EVENT;
      boolean endless =
          element.type().isGateway()
              || (element.type() == ElementType.END_EVENT && element.eventKind() == EventKind.ERROR);
      if (eventType == ExecutionListener.EventType.START && startless) {
        throw unsupported(node, "start execution listeners are not allowed on a " + element.type().bpmnName());
      }
      if (eventType == ExecutionListener.EventType.END && endless) {
        throw unsupported(node, "end execution listeners are not allowed on a " + element.type().bpmnName());
      }
      String retries = listener.getRetries() == null || listener.getRetries().isBlank() ? "3" : listener.getRetries();
      element.executionListeners.add(
          new ExecutionListener(eventType, parse(node, "listener type", listener.getType()), parse(node, "listener retries", retries)));
    }
  }

  private ExecutableElement event(io.camunda.zeebe.model.bpmn.instance.Event event, ElementType type, Set<EventKind> allowed)
      throws DeploymentException {
    Collection<EventDefinition> definitions =
        switch (event) {
          case CatchEvent c -> c.getEventDefinitions();
          case ThrowEvent t -> t.getEventDefinitions();
          default -> List.of();
        };
    if (definitions.size() > 1) {
      throw unsupported(event, "an event with more than one event definition is not executed");
    }
    EventKind kind = definitions.isEmpty() ? EventKind.NONE : kindOf(event, definitions.iterator().next());
    if (kind == EventKind.COMPENSATION && type == ElementType.START_EVENT) {
      throw unsupported(event, "compensation event sub-processes are not executed (Camunda 8.9 does not either)");
    }
    if (!allowed.contains(kind)) {
      throw unsupported(event, kind.name().toLowerCase() + " " + type.bpmnName() + "s are not executed by the camunda4j engine yet");
    }
    ExecutableElement element = new ExecutableElement(event.getId(), event.getName(), type, kind);
    if (definitions.isEmpty()) {
      return element;
    }
    switch (definitions.iterator().next()) {
      case ErrorEventDefinition error -> {
        element.errorCode = error.getError() == null ? null : blankToNull(error.getError().getErrorCode());
        if (type == ElementType.END_EVENT && element.errorCode == null) {
          throw unsupported(event, "an error end event needs an error with an error code");
        }
      }
      case MessageEventDefinition message when type == ElementType.INTERMEDIATE_THROW_EVENT || type == ElementType.END_EVENT ->
          // a message throw event is a job for a worker, like a service task; the message itself is the worker's business
          element.jobDefinition = jobDefinition(event, type);
      case MessageEventDefinition message -> {
        if (message.getMessage() == null) {
          throw unsupported(event, "a message event needs a message reference");
        }
        boolean processStart = type == ElementType.START_EVENT && !(event.getParentElement() instanceof SubProcess);
        element.message = message(event, message.getMessage(), !processStart);
      }
      case TimerEventDefinition timer -> {
        element.timer = timer(event, timer);
        boolean processStart = type == ElementType.START_EVENT && !(event.getParentElement() instanceof SubProcess);
        checkTimer(event, element.timer, processStart);
      }
      case EscalationEventDefinition escalation -> {
        String code = escalation.getEscalation() == null ? null : blankToNull(escalation.getEscalation().getEscalationCode());
        boolean thrown = type == ElementType.END_EVENT || type == ElementType.INTERMEDIATE_THROW_EVENT;
        if (thrown && code == null) {
          throw unsupported(event, "an escalation throw event needs an escalation with an escalation code");
        }
        if (!thrown && code != null && code.strip().startsWith("=")) {
          throw unsupported(event, "the escalation code of a catch event must be a static value, found '" + code + "'");
        }
        element.escalationCode = code == null ? null : parse(event, "escalation code", code);
      }
      case LinkEventDefinition link -> {
        if (link.getName() == null || link.getName().isBlank()) {
          throw unsupported(event, "a link event needs a link name");
        }
        element.linkName = link.getName().strip();
      }
      case CompensateEventDefinition compensate -> readCompensation(event, element, compensate);
      case ConditionalEventDefinition conditional -> readCondition(event, conditional, element);
      case SignalEventDefinition signal -> {
        if (signal.getSignal() == null || signal.getSignal().getName() == null || signal.getSignal().getName().isBlank()) {
          throw unsupported(event, "a signal event needs a signal with a name");
        }
        element.signalName = parse(event, "signal name", signal.getSignal().getName());
      }
      default -> {}
    }
    return element;
  }

  /**
   * A conditional event's FEEL condition, the variables it reads (a change of one of them evaluates
   * it again) and its {@code zeebe:conditionalFilter variableEvents}.
   */
  private void readCondition(BaseElement event, ConditionalEventDefinition conditional, ExecutableElement element)
      throws DeploymentException {
    String text = conditional.getCondition() == null || conditional.getCondition().getTextContent() == null
        ? "" : conditional.getCondition().getTextContent().strip();
    if (!text.startsWith("=") || text.length() == 1) {
      throw unsupported(event, "a conditional event needs a condition, a FEEL expression starting with '=', found '" + text + "'");
    }
    element.condition = parseFeel(event, "condition", text.substring(1));
    element.conditionVariables = Feel.referencedVariables(element.condition);
    ZeebeConditionalFilter filter = conditional.getSingleExtensionElement(ZeebeConditionalFilter.class);
    String events = filter == null ? null : blankToNull(filter.getVariableEvents());
    if (events != null) {
      Set<String> kinds = new java.util.HashSet<>();
      for (String kind : events.split(",", -1)) {
        String k = kind.strip();
        if (!k.equals("create") && !k.equals("update")) {
          throw unsupported(event, "zeebe:conditionalFilter variableEvents takes 'create', 'update' or both, found '" + k + "'");
        }
        kinds.add(k);
      }
      element.conditionVariableEvents = Set.copyOf(kinds);
    }
  }

  private MessageDefinition message(BaseElement element, Message message, boolean needsCorrelationKey) throws DeploymentException {
    if (message.getName() == null || message.getName().isBlank()) {
      throw unsupported(element, "the message '" + message.getId() + "' needs a name");
    }
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    String correlationKey = subscription == null ? null : subscription.getCorrelationKey();
    if (needsCorrelationKey && (correlationKey == null || correlationKey.isBlank())) {
      throw unsupported(element, "the message '" + message.getName() + "' needs a correlation key (zeebe:subscription correlationKey)");
    }
    return new MessageDefinition(
        parse(element, "message name", message.getName()),
        correlationKey == null || correlationKey.isBlank() ? null : parse(element, "correlation key", correlationKey));
  }

  private TimerDefinition timer(BaseElement element, TimerEventDefinition timer) throws DeploymentException {
    if (timer.getTimeDate() != null) {
      return new TimerDefinition(TimerDefinition.Kind.DATE, parse(element, "timer date", timer.getTimeDate().getTextContent().strip()));
    }
    if (timer.getTimeDuration() != null) {
      return new TimerDefinition(
          TimerDefinition.Kind.DURATION, parse(element, "timer duration", timer.getTimeDuration().getTextContent().strip()));
    }
    if (timer.getTimeCycle() != null) {
      return new TimerDefinition(TimerDefinition.Kind.CYCLE, parse(element, "timer cycle", timer.getTimeCycle().getTextContent().strip()));
    }
    throw unsupported(element, "a timer event needs a date, a duration or a cycle");
  }

  /**
   * A static timer must be a date, duration or cycle the engine can schedule; a process's timer start
   * event is scheduled at deployment, so its expression is evaluated now, without variables. Any other
   * FEEL timer is evaluated when its element activates, and a failure there raises an incident.
   */
  private void checkTimer(BaseElement event, TimerDefinition timer, boolean processStart) throws DeploymentException {
    if (!timer.expression().isStatic() && !processStart) {
      return;
    }
    try {
      Object value = feel.evaluate(timer.expression(), Map.of());
      if (value == null) {
        throw new FeelException("the expression '" + timer.expression().source() + "' gives null");
      }
      TimerSchedule.of(timer.kind(), value.toString(), 0);
    } catch (FeelException e) {
      throw unsupported(event, "its timer cannot be scheduled: " + e.getMessage());
    }
  }

  /**
   * A compensation boundary event names its handler through an association; a compensation throw
   * event may name the one activity it compensates ({@code activityRef}). Both are resolved once every
   * element of the process is read. What Camunda 8.9 refuses is refused here too: a handler with
   * sequence flows or boundary events, a compensation boundary event with outgoing flows, an
   * {@code activityRef} outside the throw event's scope (the scope around it, in an event
   * sub-process) or without anything to compensate, {@code waitForCompletion="false"}.
   */
  private static void readCompensation(io.camunda.zeebe.model.bpmn.instance.Event event, ExecutableElement element, CompensateEventDefinition compensate)
      throws DeploymentException {
    if (element.type() == ElementType.BOUNDARY_EVENT) {
      element.compensationHandlerId =
          event.getModelInstance().getModelElementsByType(Association.class).stream()
              .filter(a -> a.getSource() != null && a.getSource().getId().equals(event.getId()) && a.getTarget() != null)
              .map(a -> a.getTarget().getId())
              .findFirst()
              .orElseThrow(() -> unsupported(event, "a compensation boundary event needs an association to its compensation handler"));
      return;
    }
    if ("false".equals(compensate.getAttributeValue("waitForCompletion"))) {
      throw unsupported(event, "a compensation throw event always waits for its handlers (as in Camunda 8.9): remove waitForCompletion=\"false\"");
    }
    element.compensationActivityId = compensate.getActivity() == null ? null : compensate.getActivity().getId();
  }

  private static void resolveCompensation(Map<String, ExecutableElement> elements) throws DeploymentException {
    for (ExecutableElement element : elements.values()) {
      if (element.forCompensation && (!element.incoming.isEmpty() || !element.outgoing.isEmpty() || !element.boundaryEvents.isEmpty())) {
        throw compensationError(element, "a compensation handler runs only when compensation invokes it: remove its sequence flows and boundary events");
      }
      if (element.eventKind() == EventKind.COMPENSATION && element.type() == ElementType.BOUNDARY_EVENT && !element.outgoing.isEmpty()) {
        throw compensationError(element, "a compensation boundary event has no outgoing flows; associate it with its compensation handler");
      }
      if (element.compensationHandlerId != null) {
        ExecutableElement handler = elements.get(element.compensationHandlerId);
        if (handler == null || !handler.forCompensation) {
          throw new DeploymentException(
              "Element '" + element.id() + "' of type 'boundaryEvent' cannot be deployed: its association must point to an activity"
                  + " marked as compensation handler (isForCompensation=\"true\"), found '" + element.compensationHandlerId + "'");
        }
        element.compensationHandler = handler;
      }
      if (element.compensationActivityId != null) {
        element.compensationActivity = elements.get(element.compensationActivityId);
        checkCompensatedActivity(element);
      }
    }
  }

  private static void checkCompensatedActivity(ExecutableElement throwEvent) throws DeploymentException {
    ExecutableElement activity = throwEvent.compensationActivity;
    String id = throwEvent.compensationActivityId;
    if (activity == null) {
      throw compensationError(throwEvent, "the activity '" + id + "' it compensates (activityRef) is not in the process");
    }
    if (activity.compensationBoundaryEvent().isEmpty() && activity.type() != ElementType.SUB_PROCESS) {
      throw compensationError(throwEvent, "the activity '" + id + "' it compensates needs a compensation boundary event or must be a sub-process");
    }
    ExecutableElement scope = throwEvent.flowScope().orElseThrow();
    ExecutableElement compensatedScope = scope.type() == ElementType.EVENT_SUB_PROCESS ? scope.flowScope().orElseThrow() : scope;
    if (activity.flowScope().orElse(null) != compensatedScope) {
      throw compensationError(throwEvent, "the activity '" + id + "' it compensates must be in the same scope as the throw event");
    }
  }

  private static DeploymentException compensationError(ExecutableElement element, String reason) {
    return new DeploymentException("Element '" + element.id() + "' of type '" + element.type().bpmnName() + "' cannot be deployed: " + reason);
  }

  /** Two conditional start events of a process with the same condition would start two instances for one reason. */
  private static void rejectRepeatedStartConditions(ExecutableElement process) throws DeploymentException {
    Set<String> conditions = new java.util.HashSet<>();
    for (ExecutableElement child : process.children) {
      if (child.type() == ElementType.START_EVENT && child.eventKind() == EventKind.CONDITIONAL
          && !conditions.add(child.condition.source().strip())) {
        throw new DeploymentException(
            "Element '" + child.id() + "' of type 'startEvent' cannot be deployed: process '" + process.id()
                + "' has another conditional start event with the condition '" + child.condition.source().strip()
                + "'; the condition of each conditional start event must be unique");
      }
    }
  }

  /** Each link throw event goes on at the one link catch event of its name in the same scope. */
  private static void resolveLinks(ExecutableElement scope) throws DeploymentException {
    Map<String, ExecutableElement> catches = new LinkedHashMap<>();
    for (ExecutableElement child : scope.children) {
      if (child.eventKind() == EventKind.LINK && child.type() == ElementType.INTERMEDIATE_CATCH_EVENT
          && catches.put(child.linkName, child) != null) {
        throw new DeploymentException(
            "Element '" + child.id() + "' of type 'intermediateCatchEvent' cannot be deployed: '" + scope.id()
                + "' has more than one link catch event named '" + child.linkName + "'");
      }
    }
    for (ExecutableElement child : scope.children) {
      if (child.eventKind() == EventKind.LINK && child.type() == ElementType.INTERMEDIATE_THROW_EVENT) {
        child.linkTarget = catches.get(child.linkName);
        if (child.linkTarget == null) {
          throw new DeploymentException(
              "Element '" + child.id() + "' of type 'intermediateThrowEvent' cannot be deployed: no link catch event named '"
                  + child.linkName + "' in the same scope");
        }
      }
    }
  }

  /** Two error (or escalation) catch events in one place with the same code, or two catch-alls, would make catching a guess. */
  private static void rejectAmbiguousErrorCatchEvents(String scopeId, List<ExecutableElement> catchEvents) throws DeploymentException {
    rejectAmbiguousCatchEvents(scopeId, catchEvents, EventKind.ERROR);
    rejectAmbiguousCatchEvents(scopeId, catchEvents, EventKind.ESCALATION);
  }

  private static void rejectAmbiguousCatchEvents(String scopeId, List<ExecutableElement> catchEvents, EventKind kind)
      throws DeploymentException {
    Set<String> codes = new java.util.HashSet<>();
    String what = kind == EventKind.ERROR ? "error" : "escalation";
    for (ExecutableElement event : catchEvents) {
      if (event.eventKind() != kind) {
        continue;
      }
      String eventCode =
          kind == EventKind.ERROR ? event.errorCode() : event.escalationCode() == null ? null : event.escalationCode().source();
      String code = eventCode == null ? "<catch-all>" : eventCode;
      if (!codes.add(code)) {
        throw new DeploymentException(
            "Element '" + event.id() + "' of type '" + event.type().bpmnName() + "' cannot be deployed: '" + scopeId
                + "' has more than one " + what + " catch event for "
                + (eventCode == null ? "any " + what + " code (catch-all)" : "the " + what + " code '" + code + "'")
                + "; keep one per code and scope");
      }
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static EventKind kindOf(BaseElement event, EventDefinition definition) throws DeploymentException {
    return switch (definition) {
      case TerminateEventDefinition t -> EventKind.TERMINATE;
      case ErrorEventDefinition e -> EventKind.ERROR;
      case MessageEventDefinition m -> EventKind.MESSAGE;
      case TimerEventDefinition t -> EventKind.TIMER;
      case SignalEventDefinition s -> EventKind.SIGNAL;
      case LinkEventDefinition l -> EventKind.LINK;
      case EscalationEventDefinition e -> EventKind.ESCALATION;
      case CompensateEventDefinition c -> EventKind.COMPENSATION;
      case ConditionalEventDefinition c -> EventKind.CONDITIONAL;
      default -> throw unsupported(event, "the event definition '" + definition.getElementType().getTypeName() + "' is not executed");
    };
  }

  private ExecutableElement jobTask(Activity task, ElementType type) throws DeploymentException {
    ExecutableElement element = new ExecutableElement(task.getId(), task.getName(), type, EventKind.NONE);
    element.jobDefinition = jobDefinition(task, type);
    return element;
  }

  private JobDefinition jobDefinition(BaseElement task, ElementType type) throws DeploymentException {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
      throw unsupported(task, "a " + type.bpmnName() + " needs a zeebe:taskDefinition with a job type to be executed by a job worker");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    String retries = definition.getRetries() == null ? "3" : definition.getRetries();
    return new JobDefinition(parse(task, "job type", definition.getType()), parse(task, "job retries", retries), Map.copyOf(headers));
  }

  /** A job type or headers on an element that creates no job would be silently ignored, so they are refused. */
  private static void rejectIgnoredJobExtensions(FlowNode node, ExecutableElement element) throws DeploymentException {
    if (element.jobDefinition != null || element.type() == ElementType.USER_TASK) {
      return;
    }
    if (node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null || node.getSingleExtensionElement(ZeebeTaskHeaders.class) != null) {
      throw unsupported(
          node, "a " + element.type().bpmnName() + " creates no job, so its zeebe:taskDefinition or zeebe:taskHeaders would be ignored; remove them");
    }
  }

  /** A script task is evaluated by the engine when it has {@code zeebe:script}, else it is a job for a worker. */
  private ExecutableElement scriptTask(ScriptTask task) throws DeploymentException {
    ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
    if (script == null) {
      return jobTask(task, ElementType.SCRIPT_TASK);
    }
    if (task.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      throw unsupported(task, "a script task has either zeebe:script or zeebe:taskDefinition, not both");
    }
    String expression = script.getExpression() == null ? "" : script.getExpression().strip();
    if (!expression.startsWith("=") || expression.length() == 1) {
      throw unsupported(task, "zeebe:script needs a FEEL expression starting with '=', found '" + expression + "'");
    }
    if (script.getResultVariable() == null || script.getResultVariable().isBlank()) {
      throw unsupported(task, "zeebe:script needs a resultVariable to store the expression's result in");
    }
    ExecutableElement element = new ExecutableElement(task.getId(), task.getName(), ElementType.SCRIPT_TASK, EventKind.NONE);
    element.script = parseFeel(task, "script expression", expression.substring(1));
    element.resultVariable = script.getResultVariable().strip();
    return element;
  }

  /** A business rule task that evaluates a DMN decision itself (the alternative to a job worker). */
  private ExecutableElement calledDecisionTask(BusinessRuleTask task) throws DeploymentException {
    ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called.getDecisionId() == null || called.getDecisionId().isBlank()) {
      throw unsupported(task, "zeebe:calledDecision needs a decisionId");
    }
    if (called.getResultVariable() == null || called.getResultVariable().isBlank()) {
      throw unsupported(task, "zeebe:calledDecision needs a resultVariable");
    }
    String bindingType = called.getBindingType() == null ? "latest" : called.getBindingType().name();
    if (bindingType.equals("versionTag") && (called.getVersionTag() == null || called.getVersionTag().isBlank())) {
      throw unsupported(task, "zeebe:calledDecision with bindingType 'versionTag' needs a versionTag");
    }
    ExecutableElement element = new ExecutableElement(task.getId(), task.getName(), ElementType.BUSINESS_RULE_TASK, EventKind.NONE);
    element.calledDecision =
        new CalledDecision(parse(task, "decision id", called.getDecisionId()), called.getResultVariable(), bindingType, called.getVersionTag());
    return element;
  }

  private ExecutableElement callActivity(CallActivity call) throws DeploymentException {
    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      throw unsupported(call, "a call activity needs zeebe:calledElement with a processId");
    }
    if (called.getBindingType() != null && !called.getBindingType().name().equalsIgnoreCase("latest")) {
      throw unsupported(call, "only bindingType 'latest' is executed; remove bindingType '" + called.getBindingType() + "'");
    }
    ExecutableElement element = new ExecutableElement(call.getId(), call.getName(), ElementType.CALL_ACTIVITY, EventKind.NONE);
    element.calledProcessId = parse(call, "called process id", called.getProcessId());
    element.propagateAllParentVariables = called.isPropagateAllParentVariablesEnabled();
    element.propagateAllChildVariables = called.isPropagateAllChildVariablesEnabled();
    return element;
  }

  private void readIoMapping(BaseElement node, ExecutableElement element) throws DeploymentException {
    ZeebeIoMapping mapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (mapping == null) {
      return;
    }
    for (ZeebeInput input : mapping.getInputs()) {
      element.inputs.add(new VariableMapping(mappingSource(node, input.getSource()), input.getTarget()));
    }
    for (ZeebeOutput output : mapping.getOutputs()) {
      element.outputs.add(new VariableMapping(mappingSource(node, output.getSource()), output.getTarget()));
    }
  }

  private FeelExpression mappingSource(BaseElement node, String source) throws DeploymentException {
    if (source == null || source.isBlank()) {
      return parseFeel(node, "mapping source", "null");
    }
    String text = source.strip();
    return text.startsWith("=") ? parseFeel(node, "mapping source", text.substring(1)) : parseFeel(node, "mapping source", quote(text));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private FeelExpression parse(BaseElement element, String what, String attribute) throws DeploymentException {
    try {
      return feel.parse(attribute);
    } catch (FeelException e) {
      throw new DeploymentException(prefix(element) + " has an invalid " + what + ": " + e.getMessage());
    }
  }

  private FeelExpression parseFeel(BaseElement element, String what, String expression) throws DeploymentException {
    try {
      return feel.parseFeel(expression);
    } catch (FeelException e) {
      throw new DeploymentException(prefix(element) + " has an invalid " + what + ": " + e.getMessage());
    }
  }

  /** Zeebe extensions we do not execute (listeners, user tasks, messages, ...) fail the deployment. */
  private static void rejectUnsupportedExtensions(BaseElement element) throws DeploymentException {
    if (element.getExtensionElements() == null) {
      return;
    }
    for (ModelElementInstance extension : element.getExtensionElements().getElementsQuery().list()) {
      String name = extension.getElementType().getTypeName();
      String namespace = extension.getElementType().getTypeNamespace();
      boolean zeebe = namespace != null && namespace.contains("zeebe");
      // --- user tasks: a Camunda user task carries its own extensions
      boolean userTaskExtension = element instanceof UserTask && UserTaskTransformer.USER_TASK_EXTENSIONS.contains(name);
      boolean startForm = element instanceof StartEvent && name.equals("formDefinition"); // read by startForm(...)
      boolean adHoc = element instanceof AdHocSubProcess && name.equals("adHoc"); // read by adHocSubProcess(...)
      if (zeebe && !INERT_EXTENSIONS.contains(name) && !userTaskExtension && !startForm && !adHoc) {
        throw unsupported(element, "the extension zeebe:" + name + " is not executed yet");
      }
    }
  }

  /**
   * The form of a process's start event ({@code zeebe:formDefinition}): a linked Camunda form by
   * {@code formId}; a {@code formKey} or {@code externalReference} deploys but links nothing the
   * form endpoint could answer with.
   */
  private static FormLink startForm(StartEvent start, ExecutableElement scope) throws DeploymentException {
    io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition form =
        start.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition.class);
    if (form == null) {
      return null;
    }
    if (scope.type() != ElementType.PROCESS) {
      throw unsupported(start, "a form is linked only on a start event of the process itself, not inside a sub-process");
    }
    if (form.getFormId() == null || form.getFormId().isBlank()) {
      return null;
    }
    boolean sameDeployment = form.getBindingType() != null && switch (form.getBindingType()) {
      case latest -> false;
      case deployment -> true;
      default -> throw unsupported(start, "a form bound by version tag is not executed yet; bind it to 'latest' or 'deployment'");
    };
    return new FormLink(form.getFormId().strip(), sameDeployment);
  }

  private static DeploymentException unsupported(BaseElement element, String reason) {
    return new DeploymentException(prefix(element) + " cannot be deployed: " + reason);
  }

  private static String prefix(BaseElement element) {
    return "Element '" + element.getId() + "' of type '" + element.getElementType().getTypeName() + "'";
  }

  /** The JDK's "No enum constant a.b.Type.VALUE", said for a modeller. */
  private static final java.util.regex.Pattern UNKNOWN_ENUM_CONSTANT =
      java.util.regex.Pattern.compile("No enum constant (?:[a-z_][\\w$]*\\.)*([A-Z][\\w$]*)\\.(.*)", java.util.regex.Pattern.DOTALL);

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    java.util.regex.Matcher unknownConstant = UNKNOWN_ENUM_CONSTANT.matcher(message.strip());
    if (unknownConstant.matches()) {
      return "'" + unknownConstant.group(2) + "' is not an allowed value of " + unknownConstant.group(1);
    }
    return message.strip();
  }
}
