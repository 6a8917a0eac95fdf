package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v2/user-tasks/{userTaskKey}}, and each item of {@code POST /v2/user-tasks/search}
 * (8.9).
 *
 * @param priority 0-100, 50 unless the model says otherwise
 */
public record UserTaskResult(
    String name,
    UserTaskState state,
    String assignee,
    String elementId,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String processDefinitionId,
    String creationDate,
    String completionDate,
    String followUpDate,
    String dueDate,
    String tenantId,
    String externalFormReference,
    int processDefinitionVersion,
    Map<String, String> customHeaders,
    int priority,
    String userTaskKey,
    String elementInstanceKey,
    String processName,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String formKey,
    Set<String> tags) {}
