package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;

/**
 * One job in the answer of {@code POST /v2/jobs/activation} (all 19 fields of 8.9).
 *
 * @param deadline epoch milliseconds, unlike every other date in the API
 * @param userTask the task's properties for task-listener jobs, else {@code null}
 * @param tags the process instance's tags, {@code []} when it has none
 * @param rootProcessInstanceKey {@code null} unless the instance was called by another
 */
public record ActivatedJobResult(
    String type,
    String processDefinitionId,
    int processDefinitionVersion,
    String elementId,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    String jobKey,
    String processInstanceKey,
    String processDefinitionKey,
    String elementInstanceKey,
    JobKind kind,
    JobListenerEventType listenerEventType,
    UserTaskProperties userTask,
    List<String> tags,
    String rootProcessInstanceKey) {

  /**
   * The user task a task-listener job is about ({@code userTask} of an activated job).
   *
   * @param changedAttributes names of the attributes the triggering call changes
   */
  public record UserTaskProperties(
      String action,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      List<String> changedAttributes,
      String dueDate,
      String followUpDate,
      String formKey,
      Integer priority,
      String userTaskKey) {}
}
