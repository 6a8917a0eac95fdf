package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import java.util.Set;

/**
 * Answer of {@code POST /v2/process-instances}.
 *
 * @param variables the root variables with {@code awaitCompletion}, otherwise {@code {}}
 */
public record CreateProcessInstanceResult(
    String processDefinitionId,
    int processDefinitionVersion,
    String tenantId,
    Map<String, Object> variables,
    String processDefinitionKey,
    String processInstanceKey,
    Set<String> tags,
    String businessId) {}
