package org.camunda4j.engine.internal.model;

import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.feel.FeelException;
import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * Reads a {@code bpmn:userTask} with {@code zeebe:userTask} (a Camunda user task) into an
 * {@link ExecutableElement} carrying a {@link UserTaskDefinition}. Static values that can be checked
 * at deployment (priority, dates, listener retries) are checked here, so a broken model fails to
 * deploy instead of raising incidents later.
 */
final class UserTaskTransformer {

  /** The zeebe extensions a Camunda user task may carry besides the common ones. */
  static final Set<String> USER_TASK_EXTENSIONS =
      Set.of("userTask", "assignmentDefinition", "taskSchedule", "priorityDefinition", "formDefinition", "taskListeners");

  private final Feel feel;

  UserTaskTransformer(Feel feel) {
    this.feel = feel;
  }

  ExecutableElement transform(UserTask task) throws DeploymentException {
    if (task.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      throw unsupported(
          task,
          "only Camunda user tasks (zeebe:userTask) are executed; job-worker user tasks were removed in Camunda 8.9");
    }
    ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority = task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    ExecutableElement element = new ExecutableElement(task.getId(), task.getName(), ElementType.USER_TASK, EventKind.NONE);
    element.userTaskDefinition =
        new UserTaskDefinition(
            attribute(task, "assignee", assignment == null ? null : assignment.getAssignee()),
            attribute(task, "candidateGroups", assignment == null ? null : assignment.getCandidateGroups()),
            attribute(task, "candidateUsers", assignment == null ? null : assignment.getCandidateUsers()),
            date(task, "dueDate", schedule == null ? null : schedule.getDueDate()),
            date(task, "followUpDate", schedule == null ? null : schedule.getFollowUpDate()),
            priority(task, priority == null ? null : priority.getPriority()),
            attribute(task, "externalReference", form == null ? null : form.getExternalReference()),
            form == null || isBlank(form.getFormId()) ? null : form.getFormId().strip(),
            formBinding(task, form),
            headers(task),
            listeners(task));
    return element;
  }

  private FeelExpression attribute(UserTask task, String name, String value) throws DeploymentException {
    if (isBlank(value)) {
      return null;
    }
    try {
      return feel.parse(value);
    } catch (FeelException e) {
      throw new DeploymentException(prefix(task) + " has an invalid " + name + ": " + e.getMessage());
    }
  }

  private FeelExpression date(UserTask task, String name, String value) throws DeploymentException {
    FeelExpression expression = attribute(task, name, value);
    if (expression != null && expression.isStatic()) {
      try {
        OffsetDateTime.parse(expression.source().strip());
      } catch (DateTimeParseException e) {
        throw unsupported(
            task, "the " + name + " '" + expression.source() + "' is not an ISO 8601 date-time with offset, e.g. 2030-01-10T10:00:00Z");
      }
    }
    return expression;
  }

  private FeelExpression priority(UserTask task, String value) throws DeploymentException {
    FeelExpression expression = attribute(task, "priority", value);
    if (expression != null && expression.isStatic()) {
      int priority;
      try {
        priority = Integer.parseInt(expression.source().strip());
      } catch (NumberFormatException e) {
        priority = -1;
      }
      if (priority < 0 || priority > 100) {
        throw unsupported(task, "the priority '" + expression.source() + "' must be a number from 0 to 100");
      }
    }
    return expression;
  }

  /** True for binding type "deployment"; "latest" (the default) is false; "versionTag" is not executed. */
  private static boolean formBinding(UserTask task, ZeebeFormDefinition form) throws DeploymentException {
    if (form == null || form.getBindingType() == null) {
      return false;
    }
    return switch (form.getBindingType()) {
      case latest -> false;
      case deployment -> true;
      default -> throw unsupported(task, "a form bound by version tag is not executed yet; bind it to 'latest' or 'deployment'");
    };
  }

  private static Map<String, String> headers(UserTask task) {
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return Map.copyOf(headers);
  }

  private List<TaskListenerDefinition> listeners(UserTask task) throws DeploymentException {
    ZeebeTaskListeners taskListeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (taskListeners == null) {
      return List.of();
    }
    List<TaskListenerDefinition> listeners = new ArrayList<>();
    for (ZeebeTaskListener listener : taskListeners.getTaskListeners()) {
      if (listener.getEventType() == null || isBlank(listener.getType())) {
        throw unsupported(task, "every zeebe:taskListener needs an eventType and a job type");
      }
      // resolve() maps the legacy names (create, assignment, update, complete, cancel) to the current ones.
      TaskListenerEventType eventType = TaskListenerEventType.valueOf(listener.getEventType().resolve().name().toUpperCase());
      FeelExpression type = attribute(task, "task listener type", listener.getType());
      String retriesText = isBlank(listener.getRetries()) ? "3" : listener.getRetries();
      FeelExpression retries = attribute(task, "task listener retries", retriesText);
      if (retries.isStatic()) {
        try {
          Integer.parseInt(retries.source().strip());
        } catch (NumberFormatException e) {
          throw unsupported(task, "the task listener retries '" + retries.source() + "' are not a number");
        }
      }
      listeners.add(new TaskListenerDefinition(eventType, type, retries));
    }
    return List.copyOf(listeners);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static DeploymentException unsupported(UserTask task, String reason) {
    return new DeploymentException(prefix(task) + " cannot be deployed: " + reason);
  }

  private static String prefix(UserTask task) {
    return "Element '" + task.getId() + "' of type 'userTask'";
  }
}
