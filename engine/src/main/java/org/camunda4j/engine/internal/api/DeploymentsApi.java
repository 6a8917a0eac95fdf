package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
import org.camunda4j.engine.internal.rest.wire.DeploymentResult.DeploymentProcessResult;

/** {@code POST /v2/deployments}: multipart {@code resources} parts, all deployed or none. */
final class DeploymentsApi {

  private final EngineOperations engine;

  DeploymentsApi(EngineOperations engine) {
    this.engine = engine;
  }

  void register(Router router) {
    router.route("POST", "/v2/deployments", this::deploy);
  }

  private CompletionStage<Reply> deploy(Request request) {
    List<DeploymentResource> resources = new ArrayList<>();
    String tenantId = Tenants.DEFAULT;
    for (Part part : request.parts()) {
      if (part.name().equals("tenantId")) {
        tenantId = Tenants.checked(part.text());
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
    return Outcomes.reply(
        engine.deploy(resources, tenantId),
        deployment ->
            Reply.json(
                new DeploymentResult(
                    key(deployment.deploymentKey()),
                    deployment.tenantId(),
                    java.util.stream.Stream.concat(
                            deployment.processes().stream().map(DeploymentsApi::toWire),
                            deployment.forms().stream().map(UserTasksApi::formToWire)) // --- user tasks: linked forms
                        .toList())));
  }

  private static DeploymentMetadataResult toWire(ProcessDefinition definition) {
    return DeploymentMetadataResult.of(
        new DeploymentProcessResult(
            definition.bpmnProcessId(), definition.version(), definition.resourceName(), definition.tenantId(), key(definition.key())));
  }
}
