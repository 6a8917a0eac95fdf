package org.camunda4j.engine.internal.state;

/** The job kinds of the REST API. */
public enum JobKind {
  BPMN_ELEMENT,
  EXECUTION_LISTENER,
  TASK_LISTENER,
  AD_HOC_SUB_PROCESS
}
