package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/process-instances/{key}/migration} (8.9), and the {@code migrationPlan} of
 * the batch: the process definition to move the instance to, and for each element of the instance's
 * definition that needs one, the element of the target it becomes.
 */
public record ProcessInstanceMigrationRequest(
    String targetProcessDefinitionKey, List<MappingInstruction> mappingInstructions, Long operationReference) implements Validatable {

  public record MappingInstruction(String sourceElementId, String targetElementId) {}

  @Override
  public void validate() {
    Violations violations = new Violations();
    check(violations, "");
    violations.operationReference(operationReference).throwIfAny();
  }

  /** Adds what is wrong with the plan, its fields named after {@code prefix}. */
  void check(Violations violations, String prefix) {
    violations
        .required(prefix + "targetProcessDefinitionKey", targetProcessDefinitionKey)
        .key(prefix + "targetProcessDefinitionKey", targetProcessDefinitionKey);
    if (mappingInstructions == null) {
      violations.add("No " + prefix + "mappingInstructions provided: give one {sourceElementId, targetElementId} per active element");
      return;
    }
    for (int i = 0; i < mappingInstructions.size(); i++) {
      MappingInstruction m = mappingInstructions.get(i);
      String name = prefix + "mappingInstructions[" + i + "]";
      violations
          .required(name + ".sourceElementId", m == null ? null : m.sourceElementId())
          .required(name + ".targetElementId", m == null ? null : m.targetElementId());
    }
  }
}
