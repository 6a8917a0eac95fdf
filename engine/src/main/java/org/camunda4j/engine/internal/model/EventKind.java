package org.camunda4j.engine.internal.model;

/** The event definition of a start, end, catch, throw or boundary event. */
public enum EventKind {
  NONE,
  TERMINATE,
  ERROR,
  MESSAGE,
  TIMER,
  SIGNAL,
  LINK,
  ESCALATION,
  COMPENSATION,
  CONDITIONAL
}
