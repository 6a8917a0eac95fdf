package org.camunda4j.engine.internal.rest;

/**
 * A request body that checks itself. {@link Request#body(Class)} calls {@link #validate()} on
 * every decoded body of such a type, so a handler only ever sees valid input.
 */
public interface Validatable {

  /**
   * Throws {@link ApiException} with {@link ProblemStatus#INVALID_ARGUMENT} listing every problem,
   * joined with ". " as the real gateway does.
   */
  void validate();
}
