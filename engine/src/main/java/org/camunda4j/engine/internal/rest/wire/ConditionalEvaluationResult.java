package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/** Answer of {@code POST /v2/conditionals/evaluation}: the instances that conditional start events started. */
public record ConditionalEvaluationResult(String conditionalEvaluationKey, String tenantId, List<ProcessInstanceReference> processInstances) {

  public record ProcessInstanceReference(String processDefinitionKey, String processInstanceKey) {}
}
