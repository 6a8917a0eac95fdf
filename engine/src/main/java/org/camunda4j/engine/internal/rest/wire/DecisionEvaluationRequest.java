package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/decision-definitions/evaluation}: the "by id" and "by key" shapes in one
 * record, exactly one of {@code decisionDefinitionId} and {@code decisionDefinitionKey} set.
 */
public record DecisionEvaluationRequest(
    String decisionDefinitionId, String decisionDefinitionKey, Map<String, Object> variables, String tenantId) implements Validatable {

  @Override
  public void validate() {
    boolean byId = decisionDefinitionId != null;
    boolean byKey = decisionDefinitionKey != null;
    if (!byId && !byKey) {
      throw ApiException.invalidArgument("At least one of [decisionDefinitionId, decisionDefinitionKey] is required.");
    }
    if (byId && byKey) {
      throw ApiException.invalidArgument("Only one of [decisionDefinitionId, decisionDefinitionKey] is allowed.");
    }
    Violations violations = new Violations();
    if (byId) {
      violations.required("decisionDefinitionId", decisionDefinitionId);
    } else {
      violations.key("decisionDefinitionKey", decisionDefinitionKey);
    }
    violations.throwIfAny();
  }
}
