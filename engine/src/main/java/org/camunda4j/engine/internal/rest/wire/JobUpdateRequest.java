package org.camunda4j.engine.internal.rest.wire;

import org.camunda4j.engine.internal.rest.Validatable;

/** Body of {@code PATCH /v2/jobs/{jobKey}}: new retries and/or a new timeout. */
public record JobUpdateRequest(Changeset changeset, Long operationReference)
    implements Validatable {

  /**
   * What to change; at least one field.
   *
   * @param timeout ms from now: the new deadline
   */
  public record Changeset(Integer retries, Long timeout) {}

  @Override
  public void validate() {
    Violations violations = new Violations().operationReference(operationReference);
    if (changeset == null) {
      violations.add("No changeset provided");
    } else if (changeset.retries() == null && changeset.timeout() == null) {
      violations.add("At least one of [retries, timeout] is required");
    }
    violations.throwIfAny();
  }
}
