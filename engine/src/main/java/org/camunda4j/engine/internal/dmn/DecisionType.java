package org.camunda4j.engine.internal.dmn;

/** The kind of a decision's logic, as the REST API names it. */
public enum DecisionType {
  DECISION_TABLE,
  LITERAL_EXPRESSION,
  /** Boxed contexts, lists, relations and invocations: the DMN engine evaluates them, the API has no name for them. */
  UNKNOWN
}
