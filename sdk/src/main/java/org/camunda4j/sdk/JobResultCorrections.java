package org.camunda4j.sdk;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Corrections a user-task listener applies. {@code null} keeps the persisted value; the clear values
 * are {@code ""} for assignee and dates and an empty list for candidates. Start from {@link #none()}.
 *
 * @param dueDate RFC 3339 date-time, or {@code ""} to clear
 * @param priority 0–100
 */
public record JobResultCorrections(
    @Nullable String assignee,
    @Nullable String dueDate,
    @Nullable String followUpDate,
    @Nullable List<String> candidateUsers,
    @Nullable List<String> candidateGroups,
    @Nullable Integer priority) {

  public JobResultCorrections {
    if (priority != null && (priority < 0 || priority > 100)) {
      throw new IllegalArgumentException("priority must be between 0 and 100, was " + priority);
    }
  }

  public static JobResultCorrections none() {
    return new JobResultCorrections(null, null, null, null, null, null);
  }

  public JobResultCorrections withAssignee(String assignee) {
    return new JobResultCorrections(assignee, dueDate, followUpDate, candidateUsers, candidateGroups, priority);
  }

  public JobResultCorrections withDueDate(OffsetDateTime dueDate) {
    return new JobResultCorrections(assignee, dueDate.toString(), followUpDate, candidateUsers, candidateGroups, priority);
  }

  public JobResultCorrections withFollowUpDate(OffsetDateTime followUpDate) {
    return new JobResultCorrections(assignee, dueDate, followUpDate.toString(), candidateUsers, candidateGroups, priority);
  }

  public JobResultCorrections withCandidateUsers(List<String> users) {
    return new JobResultCorrections(assignee, dueDate, followUpDate, List.copyOf(users), candidateGroups, priority);
  }

  public JobResultCorrections withCandidateGroups(List<String> groups) {
    return new JobResultCorrections(assignee, dueDate, followUpDate, candidateUsers, List.copyOf(groups), priority);
  }

  public JobResultCorrections withPriority(int priority) {
    return new JobResultCorrections(assignee, dueDate, followUpDate, candidateUsers, candidateGroups, priority);
  }
}
