package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/** Body of {@code POST /v2/conditionals/evaluation}. */
public record ConditionalEvaluationRequest(String processDefinitionKey, Map<String, Object> variables, String tenantId)
    implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("variables", variables)
        .key("processDefinitionKey", processDefinitionKey)
        .throwIfAny();
  }
}
