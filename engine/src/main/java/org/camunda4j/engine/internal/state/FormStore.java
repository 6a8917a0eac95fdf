package org.camunda4j.engine.internal.state;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The deployed forms of {@link EngineState}; read by processing, changed only by {@link EventApplier}. */
public final class FormStore implements java.io.Serializable {

  private final Map<Long, DeployedForm> byKey = new HashMap<>();
  private final Map<String, TreeMap<Integer, DeployedForm>> byFormId = new HashMap<>();

  void clear() {
    byKey.clear();
    byFormId.clear();
  }

  void add(DeployedForm form) {
    byKey.put(form.key(), form);
    byFormId.computeIfAbsent(form.formId() + "\u0000" + form.tenantId(), id -> new TreeMap<>()).put(form.version(), form);
  }

  public Optional<DeployedForm> get(long key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** The latest version of a form id in a tenant. */
  public Optional<DeployedForm> latest(String formId, String tenantId) {
    TreeMap<Integer, DeployedForm> versions = byFormId.get(formId + "\u0000" + tenantId);
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
  }

  /** The version of a form id that a deployment deployed (or kept, when unchanged). */
  public Optional<DeployedForm> inDeployment(String formId, String tenantId, long deploymentKey) {
    TreeMap<Integer, DeployedForm> versions = byFormId.get(formId + "\u0000" + tenantId);
    if (versions == null) {
      return Optional.empty();
    }
    return versions.values().stream().filter(f -> f.deploymentKey() == deploymentKey).findFirst();
  }
}
