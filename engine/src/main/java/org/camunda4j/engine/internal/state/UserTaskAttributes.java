package org.camunda4j.engine.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The attributes of a user task that assignments, updates and task-listener corrections change.
 *
 * @param assignee null when unassigned
 * @param dueDate ISO 8601 date-time, or null
 * @param followUpDate ISO 8601 date-time, or null
 * @param priority 0-100
 */
public record UserTaskAttributes(
    String assignee, List<String> candidateGroups, List<String> candidateUsers, String dueDate, String followUpDate, int priority) implements java.io.Serializable {

  /** The names a changeset, a correction and {@code changedAttributes} use, in the order they are listed. */
  public static final List<String> NAMES = List.of("assignee", "candidateGroups", "candidateUsers", "dueDate", "followUpDate", "priority");

  public UserTaskAttributes {
    candidateGroups = List.copyOf(candidateGroups);
    candidateUsers = List.copyOf(candidateUsers);
  }

  public UserTaskAttributes withAssignee(String newAssignee) {
    return new UserTaskAttributes(newAssignee, candidateGroups, candidateUsers, dueDate, followUpDate, priority);
  }

  /**
   * These attributes with each non-null argument applied: an empty string or list clears the
   * attribute, null keeps it. The same rule serves the update changeset and listener corrections.
   */
  public UserTaskAttributes with(
      String newAssignee, List<String> newCandidateGroups, List<String> newCandidateUsers, String newDueDate, String newFollowUpDate,
      Integer newPriority) {
    return new UserTaskAttributes(
        newAssignee == null ? assignee : emptyAsNull(newAssignee),
        newCandidateGroups == null ? candidateGroups : newCandidateGroups,
        newCandidateUsers == null ? candidateUsers : newCandidateUsers,
        newDueDate == null ? dueDate : emptyAsNull(newDueDate),
        newFollowUpDate == null ? followUpDate : emptyAsNull(newFollowUpDate),
        newPriority == null ? priority : newPriority);
  }

  /** The names of the attributes whose values differ from {@code other}'s, in {@link #NAMES} order. */
  public List<String> differencesFrom(UserTaskAttributes other) {
    List<String> changed = new ArrayList<>();
    for (String name : NAMES) {
      if (!Objects.equals(value(name), other.value(name))) {
        changed.add(name);
      }
    }
    return changed;
  }

  /** An attribute by its API name. */
  public Object value(String name) {
    return switch (name) {
      case "assignee" -> assignee;
      case "candidateGroups" -> candidateGroups;
      case "candidateUsers" -> candidateUsers;
      case "dueDate" -> dueDate;
      case "followUpDate" -> followUpDate;
      case "priority" -> priority;
      default -> throw new IllegalArgumentException("no user task attribute '" + name + "'");
    };
  }

  private static String emptyAsNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
