package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/** Answer of {@code POST /v2/deployments}. */
public record DeploymentResult(
    String deploymentKey, String tenantId, List<DeploymentMetadataResult> deployments) {

  /** One deployed resource: exactly one member is set, the others are written as {@code null}. */
  public record DeploymentMetadataResult(
      DeploymentProcessResult processDefinition,
      DeploymentDecisionResult decisionDefinition,
      DeploymentDecisionRequirementsResult decisionRequirements,
      DeploymentFormResult form,
      DeploymentResourceResult resource) {

    public static DeploymentMetadataResult of(DeploymentProcessResult process) {
      return new DeploymentMetadataResult(process, null, null, null, null);
    }

    public static DeploymentMetadataResult of(DeploymentDecisionResult decision) {
      return new DeploymentMetadataResult(null, decision, null, null, null);
    }

    public static DeploymentMetadataResult of(DeploymentDecisionRequirementsResult requirements) {
      return new DeploymentMetadataResult(null, null, requirements, null, null);
    }

    public static DeploymentMetadataResult of(DeploymentFormResult form) {
      return new DeploymentMetadataResult(null, null, null, form, null);
    }

    public static DeploymentMetadataResult of(DeploymentResourceResult resource) {
      return new DeploymentMetadataResult(null, null, null, null, resource);
    }
  }

  /** A deployed BPMN process. */
  public record DeploymentProcessResult(
      String processDefinitionId,
      int processDefinitionVersion,
      String resourceName,
      String tenantId,
      String processDefinitionKey) {}

  /** A deployed DMN decision. */
  public record DeploymentDecisionResult(
      String decisionDefinitionId,
      int version,
      String name,
      String tenantId,
      String decisionRequirementsId,
      String decisionDefinitionKey,
      String decisionRequirementsKey) {}

  /** A deployed DMN decision requirements graph. */
  public record DeploymentDecisionRequirementsResult(
      String decisionRequirementsId,
      String decisionRequirementsName,
      int version,
      String resourceName,
      String tenantId,
      String decisionRequirementsKey) {}

  /** A deployed form. */
  public record DeploymentFormResult(
      String formId, int version, String resourceName, String tenantId, String formKey) {}

  /** Any other deployed resource. */
  public record DeploymentResourceResult(
      String resourceId, String resourceName, int version, String tenantId, String resourceKey) {}
}
