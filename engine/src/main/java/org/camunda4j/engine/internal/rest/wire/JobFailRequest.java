package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/jobs/{jobKey}/failure}.
 *
 * @param retries retries left after this failure; null means 0 (an incident)
 * @param retryBackOff ms before the job is activatable again; null means 0
 * @param variables set locally on the task's scope
 */
public record JobFailRequest(
    Integer retries, String errorMessage, Long retryBackOff, Map<String, Object> variables)
    implements Validatable {

  @Override
  public void validate() {
    new Violations().notNegative("retryBackOff", retryBackOff).throwIfAny();
  }

  public int retriesOrZero() {
    return retries == null ? 0 : retries;
  }

  public long retryBackOffOrZero() {
    return retryBackOff == null ? 0 : retryBackOff;
  }

  public String errorMessageOrEmpty() {
    return errorMessage == null ? "" : errorMessage;
  }
}
