package org.camunda4j.engine.internal.processing;

import java.util.List;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/** What a deployment produced, in resource order. */
public record Deployment(
    long deploymentKey, String tenantId, List<ProcessDefinition> processes, List<org.camunda4j.engine.internal.state.DeployedForm> forms) {

  public Deployment(long deploymentKey, String tenantId, List<ProcessDefinition> processes) {
    this(deploymentKey, tenantId, processes, List.of());
  }
}
