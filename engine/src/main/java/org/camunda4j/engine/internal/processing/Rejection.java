package org.camunda4j.engine.internal.processing;

/**
 * A command the engine refuses, with the reason in the words the real engine uses. Thrown before
 * any event of the command is emitted, so a rejected command changes nothing.
 */
public final class Rejection extends RuntimeException {

  /** Why a command was refused; the REST layer maps each to its HTTP status. */
  public enum Type {
    INVALID_ARGUMENT,
    NOT_FOUND,
    INVALID_STATE,
    ALREADY_EXISTS,
    DEADLINE_EXCEEDED,
    /** The engine's command queue is full: back off and try again. */
    RESOURCE_EXHAUSTED,
    /** The engine cannot make the command durable (its event log cannot be written): try again later. */
    UNAVAILABLE
  }

  private final Type type;

  public Rejection(Type type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public Type type() {
    return type;
  }

  public static Rejection notFound(String message) {
    return new Rejection(Type.NOT_FOUND, message);
  }

  public static Rejection invalidState(String message) {
    return new Rejection(Type.INVALID_STATE, message);
  }

  public static Rejection invalidArgument(String message) {
    return new Rejection(Type.INVALID_ARGUMENT, message);
  }
}
