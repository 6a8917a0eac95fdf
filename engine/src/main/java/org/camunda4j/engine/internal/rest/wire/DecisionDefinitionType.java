package org.camunda4j.engine.internal.rest.wire;

/** The kind of a decision's logic. */
public enum DecisionDefinitionType {
  DECISION_TABLE,
  LITERAL_EXPRESSION,
  UNSPECIFIED,
  UNKNOWN
}
