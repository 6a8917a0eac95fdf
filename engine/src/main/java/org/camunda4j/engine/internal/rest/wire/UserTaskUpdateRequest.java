package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code PATCH /v2/user-tasks/{userTaskKey}}.
 *
 * @param action null means "update"
 */
public record UserTaskUpdateRequest(Changeset changeset, String action) implements Validatable {

  /**
   * The attributes to change: {@code null} keeps a value, an empty string or list clears it. The
   * assignee cannot be changed here.
   */
  public record Changeset(
      String dueDate,
      String followUpDate,
      List<String> candidateUsers,
      List<String> candidateGroups,
      Integer priority) {

    boolean isEmpty() {
      return dueDate == null
          && followUpDate == null
          && candidateUsers == null
          && candidateGroups == null
          && priority == null;
    }
  }

  @Override
  public void validate() {
    Violations violations = new Violations();
    if ((changeset == null || changeset.isEmpty()) && (action == null || action.isBlank())) {
      violations.add(
          "No update data provided. Provide at least an \"action\" or a non-null value for at"
              + " least one of the following attributes: [candidateGroups, candidateUsers,"
              + " dueDate, followUpDate, priority]");
    }
    if (changeset != null) {
      violations
          .date("dueDate", changeset.dueDate(), true)
          .date("followUpDate", changeset.followUpDate(), true)
          .inRange("priority", changeset.priority(), 0, 100);
    }
    violations.throwIfAny();
  }

  public String actionOrDefault() {
    return action == null || action.isBlank() ? "update" : action;
  }
}
