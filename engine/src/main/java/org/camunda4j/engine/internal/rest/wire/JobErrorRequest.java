package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/jobs/{jobKey}/error}.
 *
 * @param variables set on the scope of the catching error event
 */
public record JobErrorRequest(String errorCode, String errorMessage, Map<String, Object> variables)
    implements Validatable {

  @Override
  public void validate() {
    new Violations().required("errorCode", errorCode).throwIfAny();
  }
}
