package org.camunda4j.engine.internal.state;

/** What resolving an incident runs again. */
public enum IncidentStep {
  /** Make the incident's job activatable again (JOB_NO_RETRIES, UNHANDLED_ERROR_EVENT). */
  JOB,
  /** Run the element's activation again (input mappings, job type and retries). */
  ACTIVATE_ELEMENT,
  /** Run the element's completion again (output mappings, gateway conditions). */
  COMPLETE_ELEMENT,
  /** Create the job of a user task's current task listener again (its type or retries expression failed). */
  USER_TASK_LISTENER,
  /** Evaluate the conditions of the element's conditional events again (CONDITION_ERROR). */
  EVALUATE_CONDITIONS,
  /** Evaluate an ad-hoc sub-process's completion condition again where it failed, then go on (CONDITION_ERROR). */
  AD_HOC_COMPLETION_CONDITION
}
