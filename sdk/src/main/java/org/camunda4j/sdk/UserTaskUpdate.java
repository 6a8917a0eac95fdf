package org.camunda4j.sdk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change to a user task ({@code PATCH /user-tasks/{key}}). {@code null} keeps a value; {@code ""} or
 * an empty list clears it. Dates are RFC 3339 strings.
 */
public record UserTaskUpdate(
    @Nullable String dueDate, @Nullable String followUpDate, @Nullable List<String> candidateUsers, @Nullable List<String> candidateGroups,
    @Nullable Integer priority, @Nullable String action) {

  public static UserTaskUpdate none() {
    return new UserTaskUpdate(null, null, null, null, null, null);
  }

  public UserTaskUpdate withPriority(int newPriority) {
    return new UserTaskUpdate(dueDate, followUpDate, candidateUsers, candidateGroups, newPriority, action);
  }

  public UserTaskUpdate withDueDate(String date) {
    return new UserTaskUpdate(date, followUpDate, candidateUsers, candidateGroups, priority, action);
  }

  public UserTaskUpdate withCandidateGroups(List<String> groups) {
    return new UserTaskUpdate(dueDate, followUpDate, candidateUsers, List.copyOf(groups), priority, action);
  }

  public UserTaskUpdate withCandidateUsers(List<String> users) {
    return new UserTaskUpdate(dueDate, followUpDate, List.copyOf(users), candidateGroups, priority, action);
  }
}
