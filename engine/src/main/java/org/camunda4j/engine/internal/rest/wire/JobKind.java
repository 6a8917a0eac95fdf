package org.camunda4j.engine.internal.rest.wire;

/** The kind of a job: {@code kind} of activated jobs and job search items. */
public enum JobKind {
  BPMN_ELEMENT,
  EXECUTION_LISTENER,
  TASK_LISTENER,
  AD_HOC_SUB_PROCESS;
}
