package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/process-instances/migration} (8.9): every process instance the filter
 * picks is migrated with {@code migrationPlan}, each as an item of the batch.
 */
public record ProcessInstanceMigrationBatchRequest(JsonNode filter, ProcessInstanceMigrationRequest migrationPlan, Long operationReference)
    implements Validatable {

  @Override
  public void validate() {
    Violations violations = new Violations();
    new ProcessInstanceBatchRequest(filter, operationReference).check(violations);
    if (migrationPlan == null) {
      violations.add("No migrationPlan provided: a migration batch needs {targetProcessDefinitionKey, mappingInstructions}");
    } else {
      migrationPlan.check(violations, "migrationPlan.");
    }
    violations.throwIfAny();
  }
}
