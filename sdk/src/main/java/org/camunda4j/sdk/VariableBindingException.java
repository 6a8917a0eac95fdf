package org.camunda4j.sdk;

/**
 * Variables or headers could not be bound to the requested type. Thrown inside a handler, it fails
 * the job (retries − 1) with this message, which names the field at fault.
 */
public class VariableBindingException extends CamundaException {

  private final String field;

  public VariableBindingException(String field, String message, Throwable cause) {
    super(message, cause);
    this.field = field;
  }

  /** The path of the field that failed, e.g. {@code items[2].amount}; empty when the whole value failed. */
  public String field() {
    return field;
  }
}
