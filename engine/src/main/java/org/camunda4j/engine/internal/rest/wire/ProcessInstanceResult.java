package org.camunda4j.engine.internal.rest.wire;

import java.util.Set;

/**
 * {@code GET /v2/process-instances/{processInstanceKey}}, and each item of {@code POST
 * /v2/process-instances/search} (8.9).
 */
public record ProcessInstanceResult(
    String processDefinitionId,
    String processDefinitionName,
    int processDefinitionVersion,
    String processDefinitionVersionTag,
    String startDate,
    String endDate,
    ProcessInstanceState state,
    boolean hasIncident,
    String tenantId,
    String processInstanceKey,
    String processDefinitionKey,
    String parentProcessInstanceKey,
    String parentElementInstanceKey,
    String rootProcessInstanceKey,
    Set<String> tags,
    String businessId) {}
