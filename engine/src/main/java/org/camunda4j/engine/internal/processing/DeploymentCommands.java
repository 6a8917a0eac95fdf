package org.camunda4j.engine.internal.processing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda4j.engine.internal.dmn.ParsedDecisionResource;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.model.TransformedProcess;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessDeployed;
import org.camunda4j.engine.internal.state.EngineState;

/** Deploys BPMN, DMN and form resources: all or nothing, a new version only when the content changed. */
final class DeploymentCommands {

  private final EngineState state;
  private final BpmnTransformer transformer;
  private final TimerCommands timers;
  private final DecisionDeployments decisions;

  DeploymentCommands(EngineState state, BpmnTransformer transformer, TimerCommands timers, DecisionDeployments decisions) {
    this.state = state;
    this.transformer = transformer;
    this.timers = timers;
    this.decisions = decisions;
  }

  /**
   * Every resource is read and checked before anything is deployed, so one bad file leaves the
   * engine unchanged. Transformation runs on the processor thread to keep versions in order; it is
   * fast enough (tens of milliseconds) for deployments, which are rare.
   */
  Deployment deploy(ProcessingContext ctx, List<DeploymentResource> resources, String tenantId) {
    if (resources.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy at least one resource, but none given: add one or more 'resources' parts");
    }
    List<String> errors = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    Set<String> idsInThisDeployment = new HashSet<>();
    List<FormDeployments.ParsedForm> forms = new ArrayList<>(); // --- user tasks: linked forms
    List<ParsedDecisionResource> dmnResources = new ArrayList<>();
    for (DeploymentResource resource : resources) {
      if (DecisionDeployments.isDmn(resource.name())) {
        try {
          dmnResources.add(decisions.parse(resource));
        } catch (DeploymentException e) {
          errors.add(e.getMessage());
        }
        continue;
      }
      if (FormDeployments.isForm(resource.name())) {
        try {
          forms.add(FormDeployments.parse(resource));
        } catch (DeploymentException e) {
          errors.add(e.getMessage());
        }
        continue;
      }
      String lower = resource.name().toLowerCase();
      if (!lower.endsWith(".bpmn") && !lower.endsWith(".xml")) {
        errors.add("'" + resource.name() + "': unsupported resource type; the engine deploys BPMN (.bpmn or .xml), DMN (.dmn) and form (.form) files");
        continue;
      }
      try {
        for (TransformedProcess process : transformer.transform(resource.name(), resource.content())) {
          if (!idsInThisDeployment.add(process.bpmnProcessId())) {
            errors.add("'" + resource.name() + "': the process id '" + process.bpmnProcessId() + "' appears twice in this deployment");
          }
          parsed.add(new Parsed(resource, process, checksum(resource.content(), process.bpmnProcessId())));
        }
      } catch (DeploymentException e) {
        errors.add(e.getMessage());
      }
    }
    errors.addAll(DecisionDeployments.conflicts(state, dmnResources, tenantId));
    if (!errors.isEmpty()) {
      throw Rejection.invalidArgument("Expected to deploy new resources, but encountered the following errors:\n" + String.join("\n", errors));
    }
    long deploymentKey = state.nextKey();
    List<ProcessDefinition> deployed = new ArrayList<>();
    for (Parsed p : parsed) {
      Optional<ProcessDefinition> latest = state.latestDefinition(p.process().bpmnProcessId(), tenantId);
      if (latest.isPresent() && latest.get().checksum().equals(p.checksum())) {
        deployed.add(latest.get());
        continue;
      }
      int version = latest.map(d -> d.version() + 1).orElse(1);
      ProcessDefinition definition =
          new ProcessDefinition(
              state.nextKey(), p.process().bpmnProcessId(), p.process().name(), version, p.process().versionTag(),
              p.resource().name(), p.checksum(), tenantId, deploymentKey, p.process().process(), p.process().elements(),
              p.resource().content());
      ctx.emit(new ProcessDeployed(definition));
      timers.deployed(ctx, definition);
      deployed.add(definition);
    }
    return new Deployment(
        deploymentKey, tenantId, deployed, decisions.deploy(ctx, state, dmnResources, tenantId, deploymentKey),
        FormDeployments.deploy(ctx, state, forms, tenantId, deploymentKey));
  }

  private record Parsed(DeploymentResource resource, TransformedProcess process, String checksum) {}

  private static String checksum(byte[] content, String processId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(processId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
