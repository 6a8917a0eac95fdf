package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.engine.internal.model.TaskListenerEventType;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.UserTask;
import org.camunda4j.engine.internal.state.UserTaskAttributes;
import org.camunda4j.engine.internal.state.UserTaskState;

/**
 * The user-task commands of the REST API: assign, unassign, update and complete. Each checks the
 * task, then starts a transition whose listeners decide; {@code reply} completes when the
 * transition finishes, or fails when a listener denies it.
 */
final class UserTaskCommands {

  private final EngineState state;
  private final UserTaskBehavior behavior;
  private final UserTaskWaiters waiters;

  UserTaskCommands(EngineState state, UserTaskBehavior behavior, UserTaskWaiters waiters) {
    this.state = state;
    this.behavior = behavior;
    this.waiters = waiters;
  }

  /** {@code allowOverride} false is a claim: it may not take the task from someone else. */
  void assign(ProcessingContext ctx, long key, String assignee, boolean allowOverride, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, allowOverride ? "assign" : "claim");
    String current = task.attributes().assignee();
    if (!allowOverride && current != null && !current.equals(assignee)) {
      throw Rejection.invalidState("Expected to claim user task with key '" + key + "', but it has already been assigned");
    }
    waiters.register(key, reply);
    behavior.startTransition(
        ctx, key, TaskListenerEventType.ASSIGNING, action, task.attributes().withAssignee(assignee), List.of("assignee"), Map.of(), false);
  }

  void unassign(ProcessingContext ctx, long key, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "unassign");
    waiters.register(key, reply);
    behavior.startTransition(
        ctx, key, TaskListenerEventType.ASSIGNING, action, task.attributes().withAssignee(null), List.of("assignee"), Map.of(), false);
  }

  void update(ProcessingContext ctx, long key, UserTaskChanges changes, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "update");
    UserTaskAttributes pending =
        task.attributes()
            .with(
                null, changes.candidateGroups(), changes.candidateUsers(), UserTaskDates.normalize(changes.dueDate()),
                UserTaskDates.normalize(changes.followUpDate()), changes.priority());
    waiters.register(key, reply);
    behavior.startTransition(ctx, key, TaskListenerEventType.UPDATING, action, pending, changes.names(), Map.of(), false);
  }

  void complete(ProcessingContext ctx, long key, Map<String, Object> variables, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "complete");
    waiters.register(key, reply);
    behavior.startTransition(
        ctx, key, TaskListenerEventType.COMPLETING, action, task.attributes(), List.of(), variables == null ? Map.of() : variables, false);
  }

  /**
   * Variables set on the scope of a user task are an update of the task: they wait for its updating
   * listeners, which may deny them. Returns false when {@code scopeKey} is no live user task's
   * element, for the caller to set the variables as usual.
   */
  boolean updateVariables(
      ProcessingContext ctx, long scopeKey, Map<String, Object> variables, boolean local, CompletableFuture<Void> reply) {
    UserTask task = state.userTasks().liveOfElement(scopeKey).orElse(null);
    if (task == null) {
      return false;
    }
    resting(task.key(), "update");
    waiters.register(task.key(), reply);
    behavior.startTransition(
        ctx, task.key(), TaskListenerEventType.UPDATING, "update", task.attributes(), List.of("variables"),
        variables == null ? Map.of() : variables, local);
    return true;
  }

  /** The task, if it rests in CREATED; otherwise the rejection: 404 once it has ended, 409 during another transition. */
  private UserTask resting(long key, String verb) {
    UserTask task =
        state
            .userTasks()
            .get(key)
            .filter(UserTask::isLive)
            .orElseThrow(() -> Rejection.notFound("Expected to " + verb + " user task with key '" + key + "', but no such user task was found"));
    if (task.state() != UserTaskState.CREATED) {
      throw Rejection.invalidState("Expected to " + verb + " user task with key '" + key + "', but it is in state '" + task.state() + "'");
    }
    return task;
  }
}
