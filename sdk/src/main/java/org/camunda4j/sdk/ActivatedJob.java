package org.camunda4j.sdk;

import java.util.List;
import java.util.Map;

/**
 * A job as {@code POST /jobs/activation} hands it out (the 8.9 field set). Handlers usually read it
 * through {@link JobContext}; the raw record is what {@link CamundaClient#activateJobs} returns.
 *
 * @param deadline the lock expiry in epoch milliseconds on the engine's clock
 * @param userTask only for task-listener jobs, otherwise {@code null}
 */
public record ActivatedJob(
    long jobKey,
    String type,
    String processDefinitionId,
    int processDefinitionVersion,
    long processDefinitionKey,
    long processInstanceKey,
    Long rootProcessInstanceKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    String kind,
    String listenerEventType,
    UserTaskProperties userTask,
    List<String> tags) {

  public ActivatedJob {
    customHeaders = customHeaders == null ? Map.of() : customHeaders;
    variables = variables == null ? Map.of() : variables;
    tags = tags == null ? List.of() : tags;
  }

  /** The user task a task-listener job is about. */
  public record UserTaskProperties(
      String action,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      List<String> changedAttributes,
      String dueDate,
      String followUpDate,
      Long formKey,
      Integer priority,
      Long userTaskKey) {}
}
