package org.camunda4j.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The answer to a deployment: one entry per deployed resource. */
public record DeploymentResult(long deploymentKey, String tenantId, List<Deployment> deployments) {

  public DeploymentResult {
    deployments = deployments == null ? List.of() : deployments;
  }

  /** One deployed resource; exactly one member is set. Non-process members are kept as maps. */
  public record Deployment(
      ProcessDefinition processDefinition,
      Map<String, Object> decisionDefinition,
      Map<String, Object> decisionRequirements,
      Map<String, Object> form,
      Map<String, Object> resource) {}

  /** A deployed BPMN process. */
  public record ProcessDefinition(
      String processDefinitionId,
      int processDefinitionVersion,
      String resourceName,
      String tenantId,
      long processDefinitionKey) {}

  /** The deployed process with this BPMN id, if the deployment contained it. */
  public Optional<ProcessDefinition> process(String processDefinitionId) {
    return deployments.stream()
        .map(Deployment::processDefinition)
        .filter(p -> p != null && p.processDefinitionId().equals(processDefinitionId))
        .findFirst();
  }
}
