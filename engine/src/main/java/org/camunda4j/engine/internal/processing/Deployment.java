package org.camunda4j.engine.internal.processing;

import java.util.List;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.state.DeployedForm;

/** What a deployment produced, in resource order per kind. */
public record Deployment(
    long deploymentKey, String tenantId, List<ProcessDefinition> processes, List<DecisionDeployments.DeployedGraph> decisionGraphs, List<DeployedForm> forms) {

  public Deployment(long deploymentKey, String tenantId, List<ProcessDefinition> processes) {
    this(deploymentKey, tenantId, processes, List.of(), List.of());
  }
}
