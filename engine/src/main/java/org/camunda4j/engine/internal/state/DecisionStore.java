package org.camunda4j.engine.internal.state;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deployed decision requirements graphs, their decisions and every decision instance; read by
 * processing, changed only by {@link EventApplier}.
 */
public final class DecisionStore implements java.io.Serializable {

  private final Map<Long, DeployedDecisionRequirements> requirementsByKey = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, DeployedDecisionRequirements>> requirementsById = new HashMap<>();
  private final Map<Long, DeployedDecision> decisionsByKey = new LinkedHashMap<>();
  private final Map<String, TreeMap<Integer, DeployedDecision>> decisionsById = new HashMap<>();
  private final Map<Long, List<DeployedDecision>> decisionsByGraph = new HashMap<>();
  /** The graphs each deployment answered with, including unchanged ones it kept. */
  private final Map<Long, Set<Long>> graphsByDeployment = new HashMap<>();
  private final Map<String, DecisionInstance> instances = new LinkedHashMap<>();

  void add(DeployedDecisionRequirements requirements, List<DeployedDecision> decisions) {
    requirementsByKey.put(requirements.key(), requirements);
    requirementsById.computeIfAbsent(scoped(requirements.decisionRequirementsId(), requirements.tenantId()), id -> new TreeMap<>())
        .put(requirements.version(), requirements);
    for (DeployedDecision decision : decisions) {
      decisionsByKey.put(decision.key(), decision);
      decisionsById.computeIfAbsent(scoped(decision.decisionId(), decision.tenantId()), id -> new TreeMap<>()).put(decision.version(), decision);
    }
    decisionsByGraph.put(requirements.key(), List.copyOf(decisions));
    linkDeployment(requirements.key(), requirements.deploymentKey());
  }

  void clear() {
    requirementsByKey.clear();
    requirementsById.clear();
    decisionsByKey.clear();
    decisionsById.clear();
    decisionsByGraph.clear();
    graphsByDeployment.clear();
    instances.clear();
  }

  void linkDeployment(long requirementsKey, long deploymentKey) {
    graphsByDeployment.computeIfAbsent(deploymentKey, k -> new HashSet<>()).add(requirementsKey);
  }

  /** Forgets the decision instances of a deleted process instance. */
  void removeInstancesOf(long processInstanceKey) {
    instances.values().removeIf(instance -> instance.processInstanceKey() == processInstanceKey);
  }

  /** History retention: the decision instances evaluated for these (removed) process instances go with them. */
  void removeInstancesOf(java.util.Set<Long> processInstanceKeys) {
    instances.values().removeIf(instance -> processInstanceKeys.contains(instance.processInstanceKey()));
  }

  void addInstances(List<DecisionInstance> evaluated) {
    evaluated.forEach(instance -> instances.put(instance.evaluationInstanceKey(), instance));
  }

  // --- graphs

  public Optional<DeployedDecisionRequirements> requirements(long key) {
    return Optional.ofNullable(requirementsByKey.get(key));
  }

  public Optional<DeployedDecisionRequirements> latestRequirements(String decisionRequirementsId, String tenantId) {
    TreeMap<Integer, DeployedDecisionRequirements> versions = requirementsById.get(scoped(decisionRequirementsId, tenantId));
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  public Collection<DeployedDecisionRequirements> requirements() {
    return Collections.unmodifiableCollection(requirementsByKey.values());
  }

  // --- decisions

  public Optional<DeployedDecision> decision(long key) {
    return Optional.ofNullable(decisionsByKey.get(key));
  }

  public Optional<DeployedDecision> latestDecision(String decisionId, String tenantId) {
    TreeMap<Integer, DeployedDecision> versions = decisionsById.get(scoped(decisionId, tenantId));
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  /** The latest version of a decision that carries this version tag. */
  public Optional<DeployedDecision> decisionWithVersionTag(String decisionId, String versionTag, String tenantId) {
    TreeMap<Integer, DeployedDecision> versions = decisionsById.get(scoped(decisionId, tenantId));
    if (versions == null) {
      return Optional.empty();
    }
    return versions.descendingMap().values().stream().filter(d -> versionTag.equals(d.versionTag())).findFirst();
  }

  /** The version of a decision that a deployment deployed or kept. */
  public Optional<DeployedDecision> decisionInDeployment(String decisionId, long deploymentKey) {
    for (long graphKey : graphsByDeployment.getOrDefault(deploymentKey, Set.of())) {
      for (DeployedDecision decision : decisionsByGraph.get(graphKey)) {
        if (decision.decisionId().equals(decisionId)) {
          return Optional.of(decision);
        }
      }
    }
    return Optional.empty();
  }

  public boolean isLatest(DeployedDecision decision) {
    return latestDecision(decision.decisionId(), decision.tenantId()).map(d -> d.key() == decision.key()).orElse(false);
  }

  /** The decisions of one graph version, in file order. */
  public List<DeployedDecision> decisionsOf(long requirementsKey) {
    return decisionsByGraph.getOrDefault(requirementsKey, List.of());
  }

  public Collection<DeployedDecision> decisions() {
    return Collections.unmodifiableCollection(decisionsByKey.values());
  }

  // --- decision instances

  public Optional<DecisionInstance> instance(String evaluationInstanceKey) {
    return Optional.ofNullable(instances.get(evaluationInstanceKey));
  }

  public Collection<DecisionInstance> instances() {
    return Collections.unmodifiableCollection(instances.values());
  }

  private static String scoped(String id, String tenantId) {
    return id + "\u0000" + tenantId;
  }
}
