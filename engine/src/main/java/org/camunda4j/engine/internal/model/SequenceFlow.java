package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/** A sequence flow between two elements of one scope, with its FEEL condition if it has one. */
public record SequenceFlow(String id, String sourceId, String targetId, FeelExpression condition) {

  public boolean hasCondition() {
    return condition != null;
  }
}
