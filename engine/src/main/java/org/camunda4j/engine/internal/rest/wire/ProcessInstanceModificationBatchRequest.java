package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/process-instances/modification} (8.9): in every process instance the
 * filter picks, the active instances of each source element move to the target element.
 */
public record ProcessInstanceModificationBatchRequest(JsonNode filter, List<MoveInstruction> moveInstructions, Long operationReference)
    implements Validatable {

  public record MoveInstruction(String sourceElementId, String targetElementId) {}

  @Override
  public void validate() {
    Violations violations = new Violations();
    new ProcessInstanceBatchRequest(filter, operationReference).check(violations);
    if (moveInstructions == null || moveInstructions.isEmpty()) {
      violations.add("No moveInstructions provided: a modification batch needs at least one {sourceElementId, targetElementId}");
    } else {
      for (int i = 0; i < moveInstructions.size(); i++) {
        MoveInstruction m = moveInstructions.get(i);
        violations
            .required("moveInstructions[" + i + "].sourceElementId", m == null ? null : m.sourceElementId())
            .required("moveInstructions[" + i + "].targetElementId", m == null ? null : m.targetElementId());
      }
    }
    violations.throwIfAny();
  }
}
