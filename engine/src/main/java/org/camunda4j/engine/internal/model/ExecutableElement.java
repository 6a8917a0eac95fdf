package org.camunda4j.engine.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One BPMN element as the engine executes it: its kind, its place in the scope tree, its flows and
 * the zeebe extensions that matter at run time. Built by {@link BpmnTransformer}, read-only after.
 */
public final class ExecutableElement {

  private final String id;
  private final String name;
  private final ElementType type;
  private final EventKind eventKind;
  private ExecutableElement flowScope;

  final List<SequenceFlow> incoming = new ArrayList<>();
  final List<SequenceFlow> outgoing = new ArrayList<>();
  final List<ExecutableElement> children = new ArrayList<>();
  final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  final List<VariableMapping> inputs = new ArrayList<>();
  final List<VariableMapping> outputs = new ArrayList<>();
  final List<ExecutionListener> executionListeners = new ArrayList<>();
  org.camunda4j.engine.internal.feel.FeelExpression calledProcessId;
  CalledDecision calledDecision;
  boolean propagateAllParentVariables = true;
  boolean propagateAllChildVariables = true;
  MultiInstanceDefinition multiInstance;
  String defaultFlowId;
  JobDefinition jobDefinition;
  UserTaskDefinition userTaskDefinition; // --- user tasks
  ExecutableElement attachedTo;
  String attachedToId;
  boolean interrupting = true;
  String errorCode;
  MessageDefinition message;
  TimerDefinition timer;
  org.camunda4j.engine.internal.feel.FeelExpression signalName;
  org.camunda4j.engine.internal.feel.FeelExpression script;
  String linkName;
  org.camunda4j.engine.internal.feel.FeelExpression escalationCode;
  ExecutableElement linkTarget;
  String resultVariable;
  FormLink startForm;
  boolean forCompensation;
  ExecutableElement compensationHandler;
  String compensationHandlerId;
  ExecutableElement compensationActivity;
  String compensationActivityId;
  org.camunda4j.engine.internal.feel.FeelExpression condition;
  java.util.Set<String> conditionVariables = java.util.Set.of();
  java.util.Set<String> conditionVariableEvents = java.util.Set.of();
  AdHocDefinition adHoc;
  boolean containsConditionalEvents;

  ExecutableElement(String id, String name, ElementType type, EventKind eventKind) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.eventKind = eventKind;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ElementType type() {
    return type;
  }

  public EventKind eventKind() {
    return eventKind;
  }

  /** The container this element lives in; empty for the process itself. */
  public Optional<ExecutableElement> flowScope() {
    return Optional.ofNullable(flowScope);
  }

  void flowScope(ExecutableElement scope) {
    this.flowScope = scope;
  }

  public List<SequenceFlow> incoming() {
    return incoming;
  }

  public List<SequenceFlow> outgoing() {
    return outgoing;
  }

  /** Direct children of a container (process, sub-process). */
  public List<ExecutableElement> children() {
    return children;
  }

  /** Boundary events attached to this activity. */
  public List<ExecutableElement> boundaryEvents() {
    return boundaryEvents;
  }

  public List<VariableMapping> inputs() {
    return inputs;
  }

  public List<VariableMapping> outputs() {
    return outputs;
  }

  /** For a business rule task that evaluates a decision itself; null for its job-worker form. */
  public CalledDecision calledDecision() {
    return calledDecision;
  }

  /** For a call activity: the id of the process it calls (the latest version). */
  public org.camunda4j.engine.internal.feel.FeelExpression calledProcessId() {
    return calledProcessId;
  }

  /** For a call activity: whether the child gets every variable visible here, or only the input mappings. */
  public boolean propagateAllParentVariables() {
    return propagateAllParentVariables;
  }

  /** For a call activity: whether all the child's variables come back, or only what output mappings take. */
  public boolean propagateAllChildVariables() {
    return propagateAllChildVariables;
  }

  /** The multi-instance characteristics of an activity, or null when it runs once. */
  public MultiInstanceDefinition multiInstance() {
    return multiInstance;
  }

  /** The execution listeners of one event type, in model order. */
  public List<ExecutionListener> executionListeners(ExecutionListener.EventType eventType) {
    if (executionListeners.isEmpty()) {
      return List.of(); // most elements: asked at every activation and completion, so no stream for nothing
    }
    return executionListeners.stream().filter(l -> l.eventType() == eventType).toList();
  }

  public Optional<String> defaultFlowId() {
    return Optional.ofNullable(defaultFlowId);
  }

  public JobDefinition jobDefinition() {
    return jobDefinition;
  }

  // --- user tasks
  /** What a Camunda user task is created with; null for every other element. */
  public UserTaskDefinition userTaskDefinition() {
    return userTaskDefinition;
  }

  public Optional<ExecutableElement> attachedTo() {
    return Optional.ofNullable(attachedTo);
  }

  /** For boundary events and event sub-processes: whether triggering cancels the activity or scope. */
  public boolean interrupting() {
    return interrupting;
  }

  /** For error events: the error code; null on a catch event means it catches every code. */
  public String errorCode() {
    return errorCode;
  }

  /** The message this element waits for (message events, receive tasks), or null. */
  public MessageDefinition message() {
    return message;
  }

  /** The timer of a timer event, or null. */
  public TimerDefinition timer() {
    return timer;
  }

  /** The signal name of a signal event, or null. */
  public org.camunda4j.engine.internal.feel.FeelExpression signalName() {
    return signalName;
  }

  /** The event sub-processes directly inside this container. */
  public List<ExecutableElement> eventSubProcesses() {
    List<ExecutableElement> found = List.of(); // asked at every activation: no allocation when there are none
    for (ExecutableElement child : children) {
      if (child.type == ElementType.EVENT_SUB_PROCESS) {
        if (found.isEmpty()) {
          found = new ArrayList<>();
        }
        found.add(child);
      }
    }
    return found.isEmpty() ? found : List.copyOf(found);
  }

  /** The start event of an event sub-process, which decides what triggers it. */
  public Optional<ExecutableElement> eventSubProcessStart() {
    return children.stream().filter(c -> c.type == ElementType.START_EVENT).findFirst();
  }

  /** Whether this event waits for something: a message, timer, signal, or a condition on variables to become true. */
  public boolean isWaitingEvent() {
    return eventKind == EventKind.MESSAGE || eventKind == EventKind.TIMER || eventKind == EventKind.SIGNAL
        || eventKind == EventKind.CONDITIONAL;
  }

  /** For a process: whether any element of it is a conditional event, so variable changes in its instances need evaluating. */
  public boolean containsConditionalEvents() {
    return containsConditionalEvents;
  }

  /** For an ad-hoc sub-process: which elements it activates and when it completes. */
  public AdHocDefinition adHoc() {
    return adHoc;
  }

  /**
   * For an ad-hoc sub-process: the elements that can be activated in it, those without an incoming
   * flow (events that start or catch for the sub-process itself excluded).
   */
  public List<ExecutableElement> activatableElements() {
    return children.stream()
        .filter(c -> c.incoming.isEmpty() && c.type != ElementType.BOUNDARY_EVENT && c.type != ElementType.EVENT_SUB_PROCESS
            && c.type != ElementType.START_EVENT)
        .toList();
  }

  /** For a conditional event: its FEEL condition. */
  public org.camunda4j.engine.internal.feel.FeelExpression condition() {
    return condition;
  }

  /** For a conditional event: the variables its condition reads; only a change of one of them re-evaluates it. */
  public java.util.Set<String> conditionVariables() {
    return conditionVariables;
  }

  /**
   * For a conditional event: whether a variable change of this kind ({@code create} or {@code update})
   * re-evaluates it ({@code zeebe:conditionalFilter variableEvents}; without a filter, both do).
   */
  public boolean reactsTo(String variableEvent) {
    return conditionVariableEvents.isEmpty() || conditionVariableEvents.contains(variableEvent);
  }

  /** The none start event of a container, where an instance of it begins. */
  public Optional<ExecutableElement> noneStartEvent() {
    return children.stream()
        .filter(c -> c.type == ElementType.START_EVENT && c.eventKind == EventKind.NONE)
        .findFirst();
  }

  /** A parallel or inclusive gateway with more than one incoming flow waits for tokens before it activates. */
  public boolean isJoiningGateway() {
    return (type == ElementType.PARALLEL_GATEWAY || type == ElementType.INCLUSIVE_GATEWAY) && incoming.size() > 1;
  }

  /**
   * For escalation events: the escalation code; a FEEL expression on a throw event, a static value on
   * a catch event, where null means it catches every code.
   */
  public org.camunda4j.engine.internal.feel.FeelExpression escalationCode() {
    return escalationCode;
  }

  /** For a link throw event: the link catch event of the same name in its scope, where the token goes on. */
  public ExecutableElement linkTarget() {
    return linkTarget;
  }

  /** For a script task evaluated by the engine ({@code zeebe:script}): the FEEL expression; null in the job-worker form. */
  public org.camunda4j.engine.internal.feel.FeelExpression script() {
    return script;
  }

  /** The variable a {@code zeebe:script} expression's result is stored in. */
  public String resultVariable() {
    return resultVariable;
  }

  /** The form a process start event links for the people who start it, or null. */
  public FormLink startForm() {
    return startForm;
  }

  /** Whether this activity is a compensation handler: it runs only when a compensation throw event invokes it. */
  public boolean isForCompensation() {
    return forCompensation;
  }

  /** For a compensation boundary event: the handler its association points to. */
  public ExecutableElement compensationHandler() {
    return compensationHandler;
  }

  /** For an activity: its compensation boundary event, whose handler undoes it once it completed. */
  public Optional<ExecutableElement> compensationBoundaryEvent() {
    return boundaryEvents.stream().filter(b -> b.eventKind == EventKind.COMPENSATION).findFirst();
  }

  /** For a compensation throw event with an {@code activityRef}: the one activity it compensates; null means all of its scope. */
  public ExecutableElement compensationActivity() {
    return compensationActivity;
  }

  @Override
  public String toString() {
    return type.bpmnName() + " '" + id + "'";
  }
}
