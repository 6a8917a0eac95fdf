package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of the process-instance batch calls (8.9: {@code /v2/process-instances/cancellation},
 * {@code /incident-resolution}): {@code filter} is the process-instance search filter that picks
 * the batch's process instances ({@code {}} for all).
 */
public record ProcessInstanceBatchRequest(JsonNode filter, Long operationReference) implements Validatable {

  @Override
  public void validate() {
    Violations violations = new Violations();
    check(violations);
    violations.throwIfAny();
  }

  /** Adds what is wrong with the filter and the operation reference. */
  void check(Violations violations) {
    if (filter == null || filter.isNull()) {
      violations.add("No filter provided: a batch operation needs 'filter', the process-instance search filter that picks its process instances ({} for all)");
    } else if (!filter.isObject()) {
      violations.add("The value for filter must be an object, was " + filter);
    }
    violations.operationReference(operationReference);
  }
}
