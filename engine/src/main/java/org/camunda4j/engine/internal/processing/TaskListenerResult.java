package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code result} a worker completes a task-listener job with: deny the user-task transition, or
 * correct attributes of the task.
 *
 * @param unknownCorrections names in {@code corrections} that are not correctable attributes; the
 *     engine rejects them, as Zeebe does, instead of ignoring them like other unknown fields
 */
public record TaskListenerResult(boolean denied, String deniedReason, Corrections corrections, List<String> unknownCorrections) {

  /** No result at all: what every completion of a non-listener job carries. */
  public static final TaskListenerResult NONE = new TaskListenerResult(false, null, null, List.of());

  public TaskListenerResult {
    unknownCorrections = List.copyOf(unknownCorrections);
  }

  /** Each attribute: null keeps the stored value, an empty string or list clears it. */
  public record Corrections(
      String assignee, String dueDate, String followUpDate, List<String> candidateUsers, List<String> candidateGroups, Integer priority) {

    /** The names of the attributes this corrects, in the order of {@code UserTaskAttributes.NAMES}. */
    List<String> names() {
      List<String> names = new ArrayList<>();
      if (assignee != null) names.add("assignee");
      if (candidateGroups != null) names.add("candidateGroups");
      if (candidateUsers != null) names.add("candidateUsers");
      if (dueDate != null) names.add("dueDate");
      if (followUpDate != null) names.add("followUpDate");
      if (priority != null) names.add("priority");
      return names;
    }
  }

  boolean corrects() {
    return corrections != null && !corrections.names().isEmpty();
  }
}
