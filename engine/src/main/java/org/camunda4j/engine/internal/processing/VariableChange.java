package org.camunda4j.engine.internal.processing;

/** A variable a command created or updated, which may make a conditional event's condition true. */
record VariableChange(long scopeKey, String name, boolean created) {

  /** The change as {@code zeebe:conditionalFilter variableEvents} names it. */
  String kind() {
    return created ? "create" : "update";
  }
}
