package org.camunda4j.engine.internal.model;

import org.camunda4j.engine.internal.feel.FeelExpression;

/** A timer: a point in time, a duration from now, or a repeating cycle ({@code R3/PT10S}). */
public record TimerDefinition(Kind kind, FeelExpression expression) {

  public enum Kind {
    DATE,
    DURATION,
    CYCLE
  }
}
