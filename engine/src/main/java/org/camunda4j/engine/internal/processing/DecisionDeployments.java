package org.camunda4j.engine.internal.processing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.engine.internal.model.DeploymentException;
import org.camunda4j.engine.internal.record.EngineEvent.DecisionRequirementsDeployed;
import org.camunda4j.engine.internal.record.EngineEvent.DecisionRequirementsKept;
import org.camunda4j.engine.internal.state.DeployedDecision;
import org.camunda4j.engine.internal.state.DeployedDecisionRequirements;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.dmn.ParsedDecisionResource;
import org.camunda4j.engine.internal.dmn.DmnDecisions;

/**
 * Deploys {@code .dmn} files. Each file is one decision requirements graph; a changed file makes a
 * new version of the graph and of every decision in it, an identical one keeps what is deployed.
 */
public final class DecisionDeployments {

  /** A graph as a deployment answers it: deployed now or kept from before. */
  public record DeployedGraph(DeployedDecisionRequirements requirements, List<DeployedDecision> decisions) {}

  private final DmnDecisions dmn;

  public DecisionDeployments(DmnDecisions dmn) {
    this.dmn = dmn;
  }

  public static boolean isDmn(String resourceName) {
    return resourceName.toLowerCase().endsWith(".dmn");
  }

  public ParsedDecisionResource parse(DeploymentResource resource) throws DeploymentException {
    return dmn.parse(resource.name(), resource.content());
  }

  /**
   * The checks that need the whole deployment and what is already deployed: graph and decision ids
   * are unique within a deployment, and a decision id stays in the graph it was first deployed in.
   */
  public static List<String> conflicts(EngineState state, List<ParsedDecisionResource> resources, String tenantId) {
    List<String> errors = new ArrayList<>();
    Map<String, String> graphs = new HashMap<>();
    Map<String, String> decisions = new HashMap<>();
    for (ParsedDecisionResource resource : resources) {
      String previous = graphs.putIfAbsent(resource.decisionRequirementsId(), resource.resourceName());
      if (previous != null) {
        errors.add(
            "Expected the decision requirements ids to be unique within the deployed resources but found a duplicated id '"
                + resource.decisionRequirementsId() + "' in the resources '" + previous + "' and '" + resource.resourceName() + "'");
      }
      for (ParsedDecisionResource.Decision decision : resource.decisions()) {
        String other = decisions.putIfAbsent(decision.decisionId(), resource.resourceName());
        if (other != null) {
          errors.add(
              "Expected the decision ids to be unique within the deployed resources but found a duplicated id '"
                  + decision.decisionId() + "' in the resources '" + other + "' and '" + resource.resourceName() + "'");
        }
        Optional<DeployedDecision> deployed = state.decisions().latestDecision(decision.decisionId(), tenantId);
        if (deployed.isPresent() && !deployed.get().decisionRequirementsId().equals(resource.decisionRequirementsId())) {
          errors.add(
              "'" + resource.resourceName() + "': the decision '" + decision.decisionId()
                  + "' is already deployed in the decision requirements graph '" + deployed.get().decisionRequirementsId()
                  + "'; a decision id belongs to one graph, so rename the decision or deploy it in that graph");
        }
      }
    }
    return errors;
  }

  /** Deploys each graph as a new version, unless its latest version has the same content. */
  public List<DeployedGraph> deploy(ProcessingContext ctx, EngineState state, List<ParsedDecisionResource> resources, String tenantId, long deploymentKey) {
    List<DeployedGraph> deployed = new ArrayList<>();
    for (ParsedDecisionResource resource : resources) {
      String checksum = checksum(resource.xml());
      Optional<DeployedDecisionRequirements> latest = state.decisions().latestRequirements(resource.decisionRequirementsId(), tenantId);
      if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
        ctx.emit(new DecisionRequirementsKept(latest.get().key(), deploymentKey));
        deployed.add(new DeployedGraph(latest.get(), state.decisions().decisionsOf(latest.get().key())));
        continue;
      }
      DeployedDecisionRequirements requirements =
          new DeployedDecisionRequirements(
              state.nextKey(), resource.decisionRequirementsId(), resource.decisionRequirementsName(),
              latest.map(r -> r.version() + 1).orElse(1), resource.resourceName(), tenantId, deploymentKey, checksum, resource.xml());
      List<DeployedDecision> decisions = new ArrayList<>();
      for (ParsedDecisionResource.Decision decision : resource.decisions()) {
        int version = state.decisions().latestDecision(decision.decisionId(), tenantId).map(d -> d.version() + 1).orElse(1);
        decisions.add(
            new DeployedDecision(
                state.nextKey(), decision.decisionId(), decision.name(), version, decision.versionTag(), decision.type(),
                requirements.key(), requirements.decisionRequirementsId(), tenantId, deploymentKey));
      }
      ctx.emit(new DecisionRequirementsDeployed(requirements, List.copyOf(decisions)));
      deployed.add(new DeployedGraph(requirements, List.copyOf(decisions)));
    }
    return deployed;
  }

  private static String checksum(String xml) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
