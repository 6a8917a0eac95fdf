package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/process-instances}: the "by id" and "by key" shapes in one record, exactly
 * one of {@code processDefinitionId} and {@code processDefinitionKey} set.
 *
 * @param processDefinitionVersion with an id: null or -1 means the latest version
 * @param requestTimeout ms to wait with {@code awaitCompletion}; null or 0 the server default
 * @param fetchVariables with {@code awaitCompletion}: the root variables to return, empty all
 */
public record ProcessInstanceCreationRequest(
    String processDefinitionId,
    String processDefinitionKey,
    Integer processDefinitionVersion,
    Map<String, Object> variables,
    String tenantId,
    Long operationReference,
    List<StartInstruction> startInstructions,
    List<RuntimeInstruction> runtimeInstructions,
    Boolean awaitCompletion,
    List<String> fetchVariables,
    Long requestTimeout,
    Set<String> tags,
    String businessId)
    implements Validatable {

  /** Start before this element instead of at the start event. */
  public record StartInstruction(String elementId) {}

  /** An alpha runtime instruction, e.g. {@code TERMINATE_PROCESS_INSTANCE} after an element. */
  public record RuntimeInstruction(String type, String afterElementId) {}

  @Override
  public void validate() {
    Violations violations = new Violations();
    boolean byId = processDefinitionId != null && !processDefinitionId.isBlank();
    boolean byKey = processDefinitionKey != null && !processDefinitionKey.isBlank();
    if (!byId && !byKey) {
      violations.add("At least one of [processDefinitionId, processDefinitionKey] is required");
    } else if (byId && byKey) {
      violations.add("Only one of [processDefinitionId, processDefinitionKey] is allowed");
    }
    violations
        .key("processDefinitionKey", processDefinitionKey)
        .operationReference(operationReference)
        .tags(tags);
    if (startInstructions != null) {
      for (StartInstruction instruction : startInstructions) {
        violations.required(
            "startInstructions[].elementId", instruction == null ? null : instruction.elementId());
      }
    }
    violations.throwIfAny();
  }

  /** Whether the definition is named by id (else by key). */
  public boolean isById() {
    return processDefinitionId != null && !processDefinitionId.isBlank();
  }

  /** The requested version, -1 for the latest. */
  public int versionOrLatest() {
    return processDefinitionVersion == null ? -1 : processDefinitionVersion;
  }
}
