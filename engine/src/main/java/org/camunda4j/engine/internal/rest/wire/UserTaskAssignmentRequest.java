package org.camunda4j.engine.internal.rest.wire;

import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/user-tasks/{userTaskKey}/assignment}.
 *
 * @param allowOverride null means true: reassign a task assigned to someone else
 * @param action null means "assign"
 */
public record UserTaskAssignmentRequest(String assignee, Boolean allowOverride, String action)
    implements Validatable {

  @Override
  public void validate() {
    new Violations().required("assignee", assignee).throwIfAny();
  }

  public boolean allowOverrideOrTrue() {
    return !Boolean.FALSE.equals(allowOverride);
  }

  public String actionOrDefault() {
    return action == null || action.isBlank() ? "assign" : action;
  }
}
