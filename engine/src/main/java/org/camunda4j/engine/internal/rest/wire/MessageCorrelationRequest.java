package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/messages/correlation}: correlate now or fail, never buffered.
 *
 * @param correlationKey null means ""
 */
public record MessageCorrelationRequest(
    String name, String correlationKey, Map<String, Object> variables, String tenantId)
    implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("name", name)
        .throwIfAny();
  }

  public String correlationKeyOrEmpty() {
    return correlationKey == null ? "" : correlationKey;
  }
}
