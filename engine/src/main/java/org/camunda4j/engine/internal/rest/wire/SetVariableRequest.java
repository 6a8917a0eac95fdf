package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code PUT /v2/element-instances/{elementInstanceKey}/variables}.
 *
 * @param local true: set only in this scope; null or false: in the outermost scope defining each
 */
public record SetVariableRequest(
    Map<String, Object> variables, Boolean local, Long operationReference)
    implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("variables", variables)
        .operationReference(operationReference)
        .throwIfAny();
  }

  public boolean localOrFalse() {
    return Boolean.TRUE.equals(local);
  }
}
