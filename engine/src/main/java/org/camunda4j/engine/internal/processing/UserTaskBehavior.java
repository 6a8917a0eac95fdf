package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.feel.FeelExpression;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TaskListenerDefinition;
import org.camunda4j.engine.internal.model.TaskListenerEventType;
import org.camunda4j.engine.internal.model.UserTaskDefinition;
import org.camunda4j.engine.internal.record.EngineEvent.ElementActivated;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleting;
import org.camunda4j.engine.internal.record.EngineEvent.JobCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.TaskListenerJobDenied;
import org.camunda4j.engine.internal.record.EngineEvent.JobCreated;
import org.camunda4j.engine.internal.record.EngineEvent.UserTaskChanged;
import org.camunda4j.engine.internal.record.UserTaskEvent;
import org.camunda4j.engine.internal.record.UserTaskEvent.Creating;
import org.camunda4j.engine.internal.record.UserTaskEvent.ListenerCompleted;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionDenied;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionFinished;
import org.camunda4j.engine.internal.record.UserTaskEvent.TransitionStarted;
import org.camunda4j.engine.internal.state.DeployedForm;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.ElementState;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.IncidentStep;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.JobKind;
import org.camunda4j.engine.internal.state.UserTask;
import org.camunda4j.engine.internal.state.UserTaskAttributes;
import org.camunda4j.engine.internal.state.UserTaskState;

/**
 * The lifecycle of Camunda user tasks (engine-semantics §2.7). Every change is a transition —
 * creating, assigning, updating, completing, canceling — that runs the task listeners of its event
 * one after another, in model order, each as a TASK_LISTENER job. A listener sees the attributes the
 * transition will leave and may correct them; the next listener sees the corrections, and the end
 * of the transition keeps them. A listener may deny an assignment, update or completion: the task
 * goes back to how it was, and the REST call that started the transition fails.
 */
final class UserTaskBehavior {

  private final EngineState state;
  private final Feel feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final BpmnBehavior bpmn;
  private final UserTaskWaiters waiters;

  UserTaskBehavior(
      EngineState state, Feel feel, VariableBehavior variables, IncidentBehavior incidents, BpmnBehavior bpmn, UserTaskWaiters waiters) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.bpmn = bpmn;
    this.waiters = waiters;
  }

  // --- creation and cancellation, called by BpmnBehavior

  /**
   * What a user-task element does when it activates: evaluates the task's attributes and starts
   * the creating transition. A FEEL attribute that fails raises an incident before anything is
   * created, so resolving it runs the whole activation again.
   */
  void create(ProcessingContext ctx, ElementInstance instance) {
    UserTaskDefinition definition = instance.element().userTaskDefinition();
    Map<String, Object> context = state.visibleVariables(instance.key());
    UserTaskAttributes attributes;
    String modelAssignee;
    String externalFormReference;
    try {
      modelAssignee = optionalString("assignee", definition.assignee(), context);
      attributes =
          new UserTaskAttributes(
              null,
              list("candidateGroups", definition.candidateGroups(), context),
              list("candidateUsers", definition.candidateUsers(), context),
              date("dueDate", definition.dueDate(), context),
              date("followUpDate", definition.followUpDate(), context),
              priority(definition.priority(), context));
      externalFormReference = optionalString("externalReference", definition.externalFormReference(), context);
    } catch (FeelException e) {
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.ACTIVATE_ELEMENT);
      return;
    }
    long formKey = -1;
    if (definition.formId() != null) {
      String tenantId = instance.process().tenantId();
      Optional<DeployedForm> form =
          definition.formFromSameDeployment()
              ? state.forms().inDeployment(definition.formId(), tenantId, instance.process().deploymentKey())
              : state.forms().latest(definition.formId(), tenantId);
      if (form.isEmpty()) {
        incidents.raiseOnElement(
            ctx, instance, "FORM_NOT_FOUND",
            "Expected to find a form with id '" + definition.formId() + "', but no form with this id is found, at least a form with"
                + " this id should be available. To resolve the Incident please deploy a form with the same id",
            IncidentStep.ACTIVATE_ELEMENT);
        return;
      }
      formKey = form.get().key();
    }
    long key = state.nextKey();
    emit(
        ctx,
        new Creating(
            key, instance.key(), instance.processInstanceKey(), instance.process().key(), instance.element().id(), attributes,
            modelAssignee, externalFormReference, formKey, ctx.now()));
    runNextListener(ctx, key);
  }

  /**
   * Cancels the user task of an element being terminated. A transition in progress is dropped and
   * the call waiting for it fails. Returns true when canceling listeners now hold the element in
   * TERMINATING; the last of them finishes its termination.
   */
  boolean cancel(ProcessingContext ctx, ElementInstance instance) {
    UserTask task = state.userTasks().liveOfElement(instance.key()).orElse(null);
    if (task == null) {
      return false;
    }
    if (task.transition() != null && task.transition() != TaskListenerEventType.CREATING) {
      waiters.fail(
          ctx, task.key(),
          Rejection.invalidState(
              "Expected to " + verb(task.transition()) + " user task with key '" + task.key() + "', but it was canceled"));
    }
    emit(ctx, new TransitionStarted(task.key(), TaskListenerEventType.CANCELING, "", task.attributes(), List.of(), Map.of(), false));
    if (task.definition().listeners(TaskListenerEventType.CANCELING).isEmpty()) {
      emit(ctx, new TransitionFinished(task.key(), UserTaskState.CANCELED, ctx.now()));
      return false;
    }
    runNextListener(ctx, task.key());
    return true;
  }

  // --- transitions started by user-task commands

  /**
   * Starts a transition of a task that rests in CREATED.
   *
   * @param requested the attributes the call asks to change; they are listed as changed even when
   *     the value stays the same
   * @param variables what a completion or a variable update sets once the transition finishes
   */
  void startTransition(
      ProcessingContext ctx, long key, TaskListenerEventType transition, String action, UserTaskAttributes pending,
      List<String> requested, Map<String, Object> variables, boolean localVariables) {
    UserTask task = state.userTasks().get(key).orElseThrow();
    List<String> changed = changedAttributes(requested, pending, task.attributes());
    emit(ctx, new TransitionStarted(key, transition, action, pending, changed, variables, localVariables));
    runNextListener(ctx, key);
  }

  // --- task-listener jobs

  /**
   * A worker completed a task-listener job. Every rule of the result is checked before anything is
   * emitted; then the listener's corrections or denial are applied and the next listener runs.
   */
  void listenerCompleted(ProcessingContext ctx, Job job, Map<String, Object> jobVariables, TaskListenerResult result) {
    UserTask task =
        state
            .userTasks()
            .liveOfElement(job.elementInstanceKey())
            .orElseThrow(() -> Rejection.notFound("Expected to complete job with key '" + job.key() + "', but no such job was found"));
    TaskListenerEventType event = task.transition();
    String about = " (job key '" + job.key() + "', type '" + job.type() + "', processInstanceKey '" + job.processInstanceKey() + "')";
    if (jobVariables != null && !jobVariables.isEmpty()) {
      throw Rejection.invalidArgument("Task Listener job completion with variables payload provided is not yet supported" + about);
    }
    if (!result.unknownCorrections().isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected to complete task listener job with corrections, but the job result is corrected with unknown properties "
              + result.unknownCorrections() + about + ". Only these properties can be corrected: " + UserTaskAttributes.NAMES);
    }
    if (result.denied() && !event.canBeDenied()) {
      throw Rejection.invalidArgument(
          "Denying result is not supported for '" + event + "' task listener jobs" + about
              + ". Only the following listener event types support denying: [ASSIGNING, UPDATING, COMPLETING]");
    }
    if (result.denied() && result.corrects()) {
      throw Rejection.invalidArgument(
          "Expected to complete task listener job with corrections, but the job result is denied" + about
              + ". The corrections would be reverted by the denial. Either complete the job with corrections without setting denied,"
              + " or complete the job with a denied result but no corrections.");
    }
    TaskListenerResult.Corrections corrections = result.corrections();
    if (event == TaskListenerEventType.CREATING && corrections != null && corrections.assignee() != null && task.modelAssignee() != null) {
      throw Rejection.invalidArgument(
          "Expected to correct the assignee of user task with key '" + task.key() + "' in a CREATING task listener" + about
              + ", but the model already assigns it to '" + task.modelAssignee() + "'. Correct the assignee in an ASSIGNING listener instead.");
    }
    ctx.emit(new JobCompleted(job.key(), ctx.now()));
    if (result.denied()) {
      ctx.emit(new TaskListenerJobDenied(job.key(), result.deniedReason()));
      deny(ctx, task, result.deniedReason());
      return;
    }
    UserTaskAttributes corrected = task.pending();
    if (result.corrects()) {
      corrected =
          corrected.with(
              corrections.assignee(), corrections.candidateGroups(), corrections.candidateUsers(),
              UserTaskDates.normalize(corrections.dueDate()), UserTaskDates.normalize(corrections.followUpDate()), corrections.priority());
    }
    List<String> changed = changedAttributes(task.changedAttributes(), corrected, task.attributes());
    emit(ctx, new ListenerCompleted(task.key(), corrected, changed));
    runNextListener(ctx, task.key());
  }

  /** After an expression incident of a task listener was resolved: that listener runs again. */
  void resumeListeners(ProcessingContext ctx, long elementInstanceKey) {
    state.userTasks().liveOfElement(elementInstanceKey).ifPresent(task -> runNextListener(ctx, task.key()));
  }

  /** Creates the job of the transition's next listener, or finishes the transition when none is left. */
  private void runNextListener(ProcessingContext ctx, long key) {
    UserTask task = state.userTasks().get(key).orElseThrow();
    List<TaskListenerDefinition> listeners = task.definition().listeners(task.transition());
    if (task.listenerIndex() >= listeners.size()) {
      finishTransition(ctx, task);
      return;
    }
    TaskListenerDefinition listener = listeners.get(task.listenerIndex());
    String type;
    long retries;
    try {
      Map<String, Object> context = state.visibleVariables(task.elementInstanceKey());
      type = feel.evaluateString(listener.type(), context);
      retries = feel.evaluateLong(listener.retries(), context);
    } catch (FeelException e) {
      // the transition pauses; resolving the incident comes back here for this same listener
      ElementInstance instance = state.elementInstance(task.elementInstanceKey()).orElseThrow();
      incidents.raiseOnElement(ctx, instance, "EXTRACT_VALUE_ERROR", e.getMessage(), IncidentStep.USER_TASK_LISTENER);
      return;
    }
    ProcessDefinition process = task.process();
    ctx.emit(
        new JobCreated(
            state.nextKey(), type, (int) retries, TaskListenerHeaders.of(task), task.elementInstanceKey(), task.element().id(),
            task.processInstanceKey(), process.key(), process.bpmnProcessId(), process.version(), process.tenantId(),
            JobKind.TASK_LISTENER, listener.eventType().name(), ctx.now()));
    ctx.jobsAvailable(type);
  }

  private void finishTransition(ProcessingContext ctx, UserTask task) {
    long key = task.key();
    switch (task.transition()) {
      case CREATING -> {
        emit(ctx, new TransitionFinished(key, UserTaskState.CREATED, ctx.now()));
        ctx.emit(new ElementActivated(task.elementInstanceKey()));
        if (task.modelAssignee() != null) {
          // the model's assignee is assigned like any other, so assigning listeners see it
          UserTask created = state.userTasks().get(key).orElseThrow();
          startTransition(
              ctx, key, TaskListenerEventType.ASSIGNING, "assign", created.attributes().withAssignee(task.modelAssignee()),
              List.of("assignee"), Map.of(), false);
        }
      }
      case ASSIGNING -> {
        emit(ctx, new TransitionFinished(key, UserTaskState.CREATED, ctx.now()));
        waiters.succeed(ctx, key);
      }
      case UPDATING -> {
        Map<String, Object> updated = task.variables();
        boolean local = task.localVariables();
        emit(ctx, new TransitionFinished(key, UserTaskState.CREATED, ctx.now()));
        // a variable update on the task's scope waited for the updating listeners; now it is applied
        String tenantId = task.process().tenantId();
        if (local) {
          variables.setLocal(ctx, task.elementInstanceKey(), task.processInstanceKey(), tenantId, updated);
        } else {
          variables.propagate(ctx, task.elementInstanceKey(), task.processInstanceKey(), tenantId, updated);
        }
        waiters.succeed(ctx, key);
      }
      case COMPLETING -> {
        Map<String, Object> completionVariables = task.variables();
        emit(ctx, new TransitionFinished(key, UserTaskState.COMPLETED, ctx.now()));
        ElementInstance instance = state.elementInstance(task.elementInstanceKey()).orElseThrow();
        String tenantId = task.process().tenantId();
        // completing before its variables are set: they must not trigger the element's own conditional boundary events
        ctx.emit(new ElementCompleting(instance.key()));
        // merged as a job completion's variables are: up the scopes, or locally when output mappings pick them
        if (instance.element().outputs().isEmpty()) {
          variables.propagate(ctx, instance.key(), instance.processInstanceKey(), tenantId, completionVariables);
        } else {
          variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), tenantId, completionVariables);
        }
        waiters.succeed(ctx, key);
        ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
      }
      case CANCELING -> {
        // reached only when canceling listeners held the element; without them cancel() ends the task itself
        emit(ctx, new TransitionFinished(key, UserTaskState.CANCELED, ctx.now()));
        ElementInstance instance = state.elementInstance(task.elementInstanceKey()).orElseThrow();
        long flowScopeKey = instance.flowScopeKey();
        bpmn.finishTermination(ctx, instance);
        // An interrupting event terminated only this task and its flow went on meanwhile: if that flow
        // has already ended, the scope was waiting for nothing but this task, so it completes now.
        state
            .elementInstance(flowScopeKey)
            .filter(scope -> scope.state() == ElementState.ACTIVATED && scope.childCount() == 0 && scope.activeFlows() == 0)
            .ifPresent(scope -> ctx.followUp(() -> bpmn.complete(ctx, scope.key())));
      }
    }
  }

  private void deny(ProcessingContext ctx, UserTask task, String deniedReason) {
    TaskListenerEventType transition = task.transition();
    emit(ctx, new TransitionDenied(task.key(), deniedReason));
    String intent =
        switch (transition) {
          case ASSIGNING -> "ASSIGN";
          case UPDATING -> "UPDATE";
          default -> "COMPLETE";
        };
    String what =
        switch (transition) {
          case ASSIGNING -> "Assignment";
          case UPDATING -> "Update";
          default -> "Completion";
        };
    waiters.fail(
        ctx, task.key(),
        Rejection.invalidState(
            "Command '" + intent + "' rejected with code 'INVALID_STATE': " + what + " of the User Task with key '" + task.key()
                + "' was denied by Task Listener. Reason to deny: '" + (deniedReason == null ? "" : deniedReason) + "'"));
  }

  /**
   * What the call asked to change, plus every attribute the transition (with its corrections) really
   * changes: the attributes in their usual order, then anything else asked for ({@code variables}).
   */
  private static List<String> changedAttributes(List<String> requested, UserTaskAttributes pending, UserTaskAttributes current) {
    Set<String> changed = new LinkedHashSet<>(requested);
    changed.addAll(pending.differencesFrom(current));
    List<String> ordered = new ArrayList<>();
    for (String name : UserTaskAttributes.NAMES) {
      if (changed.remove(name)) {
        ordered.add(name);
      }
    }
    ordered.addAll(changed);
    return List.copyOf(ordered);
  }

  static String verb(TaskListenerEventType transition) {
    return switch (transition) {
      case CREATING -> "create";
      case ASSIGNING -> "assign";
      case UPDATING -> "update";
      case COMPLETING -> "complete";
      case CANCELING -> "cancel";
    };
  }

  private static void emit(ProcessingContext ctx, UserTaskEvent event) {
    ctx.emit(new UserTaskChanged(event));
  }

  // --- evaluating the model's attributes

  private String optionalString(String name, FeelExpression expression, Map<String, Object> context) throws FeelException {
    if (expression == null) {
      return null;
    }
    Object value = feel.evaluate(expression, context);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new FeelException(
          "Expected result of the expression '" + expression.source() + "' (" + name + ") to be 'STRING', but was '" + Feel.typeName(value) + "'.");
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private List<String> list(String name, FeelExpression expression, Map<String, Object> context) throws FeelException {
    if (expression == null) {
      return List.of();
    }
    Object value = feel.evaluate(expression, context);
    if (expression.isStatic()) {
      // a static list is written comma-separated: "reviewers, managers"
      return splitCommaList((String) value);
    }
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
      return items.stream().map(String.class::cast).toList();
    }
    throw new FeelException(
        "Expected result of the expression '" + expression.source() + "' (" + name + ") to be 'ARRAY' of 'STRING', but was '"
            + Feel.typeName(value) + "'.");
  }

  private static List<String> splitCommaList(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return List.copyOf(items);
  }

  private String date(String name, FeelExpression expression, Map<String, Object> context) throws FeelException {
    String value = optionalString(name, expression, context);
    try {
      return UserTaskDates.normalize(value);
    } catch (IllegalArgumentException e) {
      throw new FeelException("Expected the " + name + " of the user task to be a date-time, but " + e.getMessage());
    }
  }

  private int priority(FeelExpression expression, Map<String, Object> context) throws FeelException {
    if (expression == null) {
      return UserTaskDefinition.DEFAULT_PRIORITY;
    }
    long priority = feel.evaluateLong(expression, context);
    if (priority < 0 || priority > 100) {
      throw new FeelException(
          "Expected result of the expression '" + expression.source() + "' (priority) to be a number from 0 to 100, but was '"
              + priority + "'.");
    }
    return (int) priority;
  }

}
