package org.camunda4j.sdk;

import java.time.OffsetDateTime;
import java.util.List;

/** A process instance as {@code GET /process-instances/{key}} and its search return it. */
public record ProcessInstance(
    long processInstanceKey,
    String processDefinitionId,
    String processDefinitionName,
    int processDefinitionVersion,
    long processDefinitionKey,
    String state,
    boolean hasIncident,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    String tenantId,
    Long parentProcessInstanceKey,
    Long rootProcessInstanceKey,
    List<String> tags) {

  public boolean isActive() {
    return "ACTIVE".equals(state);
  }

  public boolean isCompleted() {
    return "COMPLETED".equals(state);
  }
}
