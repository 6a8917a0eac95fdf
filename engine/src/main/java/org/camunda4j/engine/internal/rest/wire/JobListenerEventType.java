package org.camunda4j.engine.internal.rest.wire;

/** The listener event a job serves ({@code UNSPECIFIED} for plain BPMN jobs). */
public enum JobListenerEventType {
  UNSPECIFIED,
  START,
  END,
  CREATING,
  ASSIGNING,
  UPDATING,
  COMPLETING,
  CANCELING;
}
