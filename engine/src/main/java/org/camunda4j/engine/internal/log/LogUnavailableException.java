package org.camunda4j.engine.internal.log;

/** The event log cannot be opened, read or written: the engine answers 503 rather than lose or corrupt anything. */
public final class LogUnavailableException extends RuntimeException {

  public LogUnavailableException(String message) {
    super(message);
  }

  public LogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
