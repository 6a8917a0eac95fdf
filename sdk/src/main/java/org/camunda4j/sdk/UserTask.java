package org.camunda4j.sdk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A Camunda user task as {@code GET /user-tasks/{key}} and its search return it. */
public record UserTask(
    long userTaskKey,
    String name,
    String state,
    String assignee,
    String elementId,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String processDefinitionId,
    OffsetDateTime creationDate,
    OffsetDateTime completionDate,
    OffsetDateTime dueDate,
    OffsetDateTime followUpDate,
    String tenantId,
    Integer priority,
    Long elementInstanceKey,
    Long processInstanceKey,
    Long processDefinitionKey,
    Long formKey,
    Map<String, String> customHeaders) {}
