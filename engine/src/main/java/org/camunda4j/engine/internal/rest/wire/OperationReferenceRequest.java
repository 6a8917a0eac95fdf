package org.camunda4j.engine.internal.rest.wire;

import org.camunda4j.engine.internal.rest.Validatable;

/**
 * The optional body {@code {operationReference}} of {@code POST
 * /v2/process-instances/{key}/cancellation} and {@code POST /v2/incidents/{key}/resolution}.
 */
public record OperationReferenceRequest(Long operationReference) implements Validatable {

  @Override
  public void validate() {
    new Violations().operationReference(operationReference).throwIfAny();
  }
}
