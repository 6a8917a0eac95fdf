package org.camunda4j.engine.internal.model;

/** A resource that cannot be deployed; the message says which element and what to change. */
public final class DeploymentException extends Exception {

  public DeploymentException(String message) {
    super(message, null, false, false);
  }
}
