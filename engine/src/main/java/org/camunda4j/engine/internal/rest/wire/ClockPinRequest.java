package org.camunda4j.engine.internal.rest.wire;

import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code PUT /v2/clock}.
 *
 * @param timestamp the instant to pin the engine clock at, epoch ms
 */
public record ClockPinRequest(Long timestamp) implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("timestamp", timestamp)
        .notNegative("timestamp", timestamp)
        .throwIfAny();
  }
}
