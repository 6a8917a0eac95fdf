package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/** A {@code zeebe:executionListener}: a job that runs when the element starts or ends, before it goes on. */
public record ExecutionListener(EventType eventType, FeelExpression type, FeelExpression retries) {

  public enum EventType {
    START,
    END
  }
}
