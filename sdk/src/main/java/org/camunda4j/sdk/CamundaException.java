package org.camunda4j.sdk;

/** The root of every exception the SDK throws on its own behalf. Unchecked, so handlers stay lean. */
public class CamundaException extends RuntimeException {

  public CamundaException(String message) {
    super(message);
  }

  public CamundaException(String message, Throwable cause) {
    super(message, cause);
  }
}
