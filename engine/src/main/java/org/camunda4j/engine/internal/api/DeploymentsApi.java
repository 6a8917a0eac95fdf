package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.processing.DeploymentResource;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Part;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult.DeploymentMetadataResult;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult.DeploymentDecisionRequirementsResult;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult.DeploymentDecisionResult;
import org.camunda4j.engine.internal.rest.wire.DeploymentResult.DeploymentProcessResult;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.DeployedDecisionRequirements;

/**
 * {@code POST /v2/deployments}: multipart {@code resources} parts, all deployed or none. The answer
 * lists processes, then decisions, then decision requirements graphs, then forms, as Camunda does.
 */
final class DeploymentsApi {

  private final EngineOperations engine;
  private final TenantAccess tenants;

  DeploymentsApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router.route("POST", "/v2/deployments", this::deploy);
  }

  private CompletionStage<Reply> deploy(Request request) {
    List<DeploymentResource> resources = new ArrayList<>();
    String named = null;
    for (Part part : request.parts()) {
      if (part.name().equals("tenantId")) {
        named = part.text();
      } else if (part.name().equals("resources")) {
        if (part.filename() == null || part.filename().isBlank()) {
          throw ApiException.invalidArgument("Each 'resources' part needs a filename, e.g. filename=\"order.bpmn\"");
        }
        resources.add(new DeploymentResource(part.filename(), part.bytes()));
      }
    }
    if (resources.isEmpty()) {
      throw ApiException.invalidArgument(
          "No resources given: send multipart/form-data with one or more parts named 'resources', each a file such as a .bpmn");
    }
    String tenantId = tenants.forCommand(request, named);
    return Outcomes.reply(
        engine.deploy(resources, tenantId),
        deployment ->
            Reply.json(
                new DeploymentResult(
                    key(deployment.deploymentKey()),
                    deployment.tenantId(),
                    Stream.of(
                            deployment.processes().stream().map(DeploymentsApi::toWire),
                            deployment.decisionGraphs().stream().flatMap(g -> g.decisions().stream()).map(DeploymentsApi::toWire),
                            deployment.decisionGraphs().stream().map(g -> toWire(g.requirements())),
                            deployment.forms().stream().map(UserTasksApi::formToWire)) // --- user tasks: linked forms
                        .flatMap(s -> s)
                        .toList())));
  }

  private static DeploymentMetadataResult toWire(DeployedDecision decision) {
    return DeploymentMetadataResult.of(
        new DeploymentDecisionResult(
            decision.decisionId(), decision.version(), decision.name(), decision.tenantId(), decision.decisionRequirementsId(),
            key(decision.key()), key(decision.decisionRequirementsKey())));
  }

  private static DeploymentMetadataResult toWire(DeployedDecisionRequirements requirements) {
    return DeploymentMetadataResult.of(
        new DeploymentDecisionRequirementsResult(
            requirements.decisionRequirementsId(), requirements.name(), requirements.version(), requirements.resourceName(),
            requirements.tenantId(), key(requirements.key())));
  }

  private static DeploymentMetadataResult toWire(ProcessDefinition definition) {
    return DeploymentMetadataResult.of(
        new DeploymentProcessResult(
            definition.bpmnProcessId(), definition.version(), definition.resourceName(), definition.tenantId(), key(definition.key())));
  }
}
