package org.camunda4j.engine.internal.authorization;

import java.util.List;
import org.camunda4j.engine.internal.state.UserTask;
import org.camunda4j.engine.internal.state.UserTaskAttributes;

/**
 * Who may act on a user task, as 8.9 has it: a permission on the task's process
 * (PROCESS_DEFINITION, e.g. COMPLETE_USER_TASK), on the task itself (USER_TASK with its key or
 * {@code *}), or on a property of the task that names the caller: USER_TASK granted on
 * {@code assignee} lets the assignee act, on {@code candidateUsers} a candidate user, on
 * {@code candidateGroups} a member of a candidate group.
 */
public final class TaskAccess {

  private TaskAccess() {}

  public static boolean may(Grants grants, Permission onProcess, Permission onTask, UserTask task) {
    UserTaskAttributes attributes = task.attributes();
    return may(grants, onProcess, onTask, task.process().bpmnProcessId(), Long.toString(task.key()), attributes.assignee(),
        attributes.candidateUsers(), attributes.candidateGroups());
  }

  public static boolean may(Grants grants, Permission onProcess, Permission onTask, String processId, String taskKey, String assignee,
      List<String> candidateUsers, List<String> candidateGroups) {
    if (grants.all() || grants.allows(onProcess, processId) || grants.allows(onTask, taskKey)) {
      return true;
    }
    Principal principal = grants.principal();
    String name = principal.caller().name();
    return (name.equals(assignee) && grants.allowsProperty(onTask, "assignee"))
        || (candidateUsers != null && candidateUsers.contains(name) && grants.allowsProperty(onTask, "candidateUsers"))
        || (candidateGroups != null && candidateGroups.stream().anyMatch(principal.membership().groups()::contains)
            && grants.allowsProperty(onTask, "candidateGroups"));
  }
}
