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
        ctx, key, TaskListenerEventType.ASSIGNING, action, task.attributes().withAssignee(assignee), List.of("assignee"), Map.of());
  }

  void unassign(ProcessingContext ctx, long key, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "unassign");
    waiters.register(key, reply);
    behavior.startTransition(
        ctx, key, TaskListenerEventType.ASSIGNING, action, task.attributes().withAssignee(null), List.of("assignee"), Map.of());
  }

  void update(ProcessingContext ctx, long key, UserTaskChanges changes, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "update");
    UserTaskAttributes pending =
        task.attributes()
            .with(
                null, changes.candidateGroups(), changes.candidateUsers(), UserTaskDates.normalize(changes.dueDate()),
                UserTaskDates.normalize(changes.followUpDate()), changes.priority());
    waiters.register(key, reply);
    behavior.startTransition(ctx, key, TaskListenerEventType.UPDATING, action, pending, changes.names(), Map.of());
  }

  void complete(ProcessingContext ctx, long key, Map<String, Object> variables, String action, CompletableFuture<Void> reply) {
    UserTask task = resting(key, "complete");
    waiters.register(key, reply);
    behavior.startTransition(
        ctx, key, TaskListenerEventType.COMPLETING, action, task.attributes(), List.of(), variables == null ? Map.of() : variables);
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
