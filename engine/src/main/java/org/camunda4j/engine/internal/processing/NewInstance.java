package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;

/**
 * What a new process instance starts with.
 *
 * @param startElementIds where it starts instead of the none start event (empty: there)
 * @param tenantId the tenant whose process it is: a process id is looked up in it, a definition key
 *     must be of it
 */
public record NewInstance(
    Map<String, Object> variables, List<String> tags, String businessId, List<String> startElementIds, String tenantId) {

  public NewInstance {
    variables = variables == null ? Map.of() : variables;
    tags = tags == null ? List.of() : List.copyOf(tags);
    startElementIds = startElementIds == null ? List.of() : List.copyOf(startElementIds);
    tenantId = tenantId == null ? "<default>" : tenantId;
  }

  public NewInstance(Map<String, Object> variables, List<String> tags, String businessId, List<String> startElementIds) {
    this(variables, tags, businessId, startElementIds, null);
  }

  public NewInstance(Map<String, Object> variables, List<String> tags, String businessId) {
    this(variables, tags, businessId, List.of());
  }

  public static NewInstance withVariables(Map<String, Object> variables) {
    return new NewInstance(variables, List.of(), null);
  }
}
