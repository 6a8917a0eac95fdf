package org.camunda4j.engine.internal.feel;

/** A FEEL expression that did not parse, or did not evaluate to a value of the expected kind. */
public final class FeelException extends Exception {

  public FeelException(String message) {
    super(message, null, false, false);
  }
}
