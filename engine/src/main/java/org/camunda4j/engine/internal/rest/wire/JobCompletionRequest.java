package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/jobs/{jobKey}/completion} (optional: an empty body is all nulls).
 *
 * @param result for task-listener and ad-hoc sub-process jobs; {@code null} otherwise
 */
public record JobCompletionRequest(Map<String, Object> variables, JobResult result)
    implements Validatable {

  @Override
  public void validate() {
    Violations violations = new Violations();
    // An unknown type falls back to the user-task shape while decoding; say so instead.
    if (result instanceof JobResult.UserTask userTask
        && userTask.type() != null
        && !userTask.type().equals(JobResult.USER_TASK)) {
      violations.add(
          "The value for result.type is '"
              + userTask.type()
              + "' but must be one of ["
              + JobResult.USER_TASK
              + ", "
              + JobResult.AD_HOC_SUB_PROCESS
              + "]");
    }
    if (result instanceof JobResult.UserTask userTask && userTask.corrections() != null) {
      JobResult.Corrections corrections = userTask.corrections();
      violations
          .date("corrections.dueDate", corrections.dueDate(), true)
          .date("corrections.followUpDate", corrections.followUpDate(), true)
          .inRange("corrections.priority", corrections.priority(), 0, 100);
    }
    if (result instanceof JobResult.AdHocSubProcess adHoc && adHoc.activateElements() != null) {
      for (JobResult.ActivateElement element : adHoc.activateElements()) {
        violations.required(
            "activateElements[].elementId", element == null ? null : element.elementId());
      }
    }
    violations.throwIfAny();
  }
}
