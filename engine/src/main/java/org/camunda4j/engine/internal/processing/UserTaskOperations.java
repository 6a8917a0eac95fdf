package org.camunda4j.engine.internal.processing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The user-task operations of the REST API. Each future completes when the transition it starts
 * has run all its task listeners — possibly much later than the command — or fails with the
 * rejection or the listener's denial.
 */
public final class UserTaskOperations {

  private final Processor processor;

  UserTaskOperations(Processor processor) {
    this.processor = processor;
  }

  public CompletableFuture<Void> assign(long userTaskKey, String assignee, boolean allowOverride, String action) {
    return awaitTransition(reply -> new Command.AssignUserTask(userTaskKey, assignee, allowOverride, action, reply));
  }

  public CompletableFuture<Void> unassign(long userTaskKey, String action) {
    return awaitTransition(reply -> new Command.UnassignUserTask(userTaskKey, action, reply));
  }

  public CompletableFuture<Void> update(long userTaskKey, UserTaskChanges changes, String action) {
    return awaitTransition(reply -> new Command.UpdateUserTask(userTaskKey, changes, action, reply));
  }

  public CompletableFuture<Void> complete(long userTaskKey, Map<String, Object> variables, String action) {
    return awaitTransition(reply -> new Command.CompleteUserTask(userTaskKey, variables, action, reply));
  }

  /** Sets variables on a scope; on a user task's scope they wait for its updating listeners. */
  public CompletableFuture<Void> setVariables(long scopeKey, Map<String, Object> variables, boolean local) {
    return awaitTransition(reply -> new Command.SetVariables(scopeKey, variables, local, reply));
  }

  /** Runs the command; its reply is completed by the transition, or by the command's rejection. */
  private CompletableFuture<Void> awaitTransition(Function<CompletableFuture<Void>, Command> command) {
    CompletableFuture<Void> reply = new CompletableFuture<>();
    processor
        .submit(command.apply(reply))
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                reply.completeExceptionally(error);
              }
            });
    return reply;
  }
}
