package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;

/** The changeset of a user-task update: null keeps an attribute, an empty string or list clears it. */
public record UserTaskChanges(String dueDate, String followUpDate, List<String> candidateUsers, List<String> candidateGroups, Integer priority) {

  /** The names of the attributes the update changes, in the order of {@code UserTaskAttributes.NAMES}. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    if (candidateGroups != null) names.add("candidateGroups");
    if (candidateUsers != null) names.add("candidateUsers");
    if (dueDate != null) names.add("dueDate");
    if (followUpDate != null) names.add("followUpDate");
    if (priority != null) names.add("priority");
    return names;
  }
}
