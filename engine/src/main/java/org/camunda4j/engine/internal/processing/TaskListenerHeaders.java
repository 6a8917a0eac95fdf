package org.camunda4j.engine.internal.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.state.UserTask;
import org.camunda4j.engine.internal.state.UserTaskAttributes;

/**
 * What a task-listener job tells its worker about the user task: the reserved
 * {@code io.camunda.zeebe:*} custom headers (merged with the task's own headers) and the
 * {@code userTask} object of the activated job. Both show the attributes the running transition
 * will leave, with the corrections of earlier listeners.
 */
final class TaskListenerHeaders {

  static final String PREFIX = "io.camunda.zeebe:";
  private static final ObjectMapper LISTS = new ObjectMapper();

  private TaskListenerHeaders() {}

  /** The task headers plus the reserved ones; an absent attribute has no header, as in Zeebe. */
  static Map<String, String> of(UserTask task) {
    Map<String, String> headers = new LinkedHashMap<>(task.definition().headers());
    UserTaskAttributes attributes = task.pending();
    putIfPresent(headers, "action", task.action());
    putIfPresent(headers, "assignee", attributes.assignee());
    if (!attributes.candidateGroups().isEmpty()) {
      headers.put(PREFIX + "candidateGroups", json(attributes.candidateGroups()));
    }
    if (!attributes.candidateUsers().isEmpty()) {
      headers.put(PREFIX + "candidateUsers", json(attributes.candidateUsers()));
    }
    if (!task.changedAttributes().isEmpty()) {
      headers.put(PREFIX + "changedAttributes", json(task.changedAttributes()));
    }
    putIfPresent(headers, "dueDate", attributes.dueDate());
    putIfPresent(headers, "followUpDate", attributes.followUpDate());
    if (task.formKey() >= 0) {
      headers.put(PREFIX + "formKey", Long.toString(task.formKey()));
    }
    headers.put(PREFIX + "priority", Integer.toString(attributes.priority()));
    headers.put(PREFIX + "userTaskKey", Long.toString(task.key()));
    return headers; // a plain map, not a read-only view: a snapshot rebuilds a job's maps entry by entry
  }

  /**
   * The {@code userTask} object of an activated task-listener job, keyed like the wire record. The
   * task's pending attributes cannot change while one of its listener jobs is live, so reading them
   * at activation gives what the job was created with.
   */
  static Map<String, Object> userTask(UserTask task) {
    UserTaskAttributes attributes = task.pending();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("action", task.action());
    properties.put("assignee", attributes.assignee());
    properties.put("candidateGroups", attributes.candidateGroups());
    properties.put("candidateUsers", attributes.candidateUsers());
    properties.put("changedAttributes", task.changedAttributes());
    properties.put("dueDate", attributes.dueDate());
    properties.put("followUpDate", attributes.followUpDate());
    properties.put("formKey", task.formKey() < 0 ? null : Long.toString(task.formKey()));
    properties.put("priority", attributes.priority());
    properties.put("userTaskKey", Long.toString(task.key()));
    return properties;
  }

  private static void putIfPresent(Map<String, String> headers, String name, String value) {
    if (value != null && !value.isEmpty()) {
      headers.put(PREFIX + name, value);
    }
  }

  private static String json(List<String> values) {
    try {
      return LISTS.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
