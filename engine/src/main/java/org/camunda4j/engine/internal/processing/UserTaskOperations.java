package org.camunda4j.engine.internal.processing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The user-task operations of the REST API. Each future completes when the transition it starts
 * has run all its task listeners — possibly much later than the command — or fails with the
 * rejection or the listener's denial.
 */
public final class UserTaskOperations {

  private final Processor processor;
  private final UserTaskCommands commands;

  UserTaskOperations(Processor processor, UserTaskCommands commands) {
    this.processor = processor;
    this.commands = commands;
  }

  public CompletableFuture<Void> assign(long userTaskKey, String assignee, boolean allowOverride, String action) {
    return awaitTransition((ctx, reply) -> commands.assign(ctx, userTaskKey, assignee, allowOverride, action, reply));
  }

  public CompletableFuture<Void> unassign(long userTaskKey, String action) {
    return awaitTransition((ctx, reply) -> commands.unassign(ctx, userTaskKey, action, reply));
  }

  public CompletableFuture<Void> update(long userTaskKey, UserTaskChanges changes, String action) {
    return awaitTransition((ctx, reply) -> commands.update(ctx, userTaskKey, changes, action, reply));
  }

  public CompletableFuture<Void> complete(long userTaskKey, Map<String, Object> variables, String action) {
    return awaitTransition((ctx, reply) -> commands.complete(ctx, userTaskKey, variables, action, reply));
  }

  /**
   * Sets variables on a scope; on a user task's scope they wait for its updating listeners.
   *
   * @param setAsUsual sets the variables on any other scope
   */
  public CompletableFuture<Void> setVariables(
      long scopeKey, Map<String, Object> variables, boolean local, java.util.function.Consumer<ProcessingContext> setAsUsual) {
    return awaitTransition(
        (ctx, reply) -> {
          if (!commands.updateVariables(ctx, scopeKey, variables, local, reply)) {
            setAsUsual.accept(ctx);
            ctx.afterCommit(() -> reply.complete(null));
          }
        });
  }

  /** Runs the command; its reply is completed by the transition, or by the command's rejection. */
  private CompletableFuture<Void> awaitTransition(BiConsumer<ProcessingContext, CompletableFuture<Void>> command) {
    CompletableFuture<Void> reply = new CompletableFuture<>();
    processor
        .submit(ctx -> { command.accept(ctx, reply); return null; })
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                reply.completeExceptionally(error);
              }
            });
    return reply;
  }
}
