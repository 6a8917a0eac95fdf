package org.camunda4j.engine.internal.processing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The REST calls (assign, unassign, update, complete) that wait for the task listeners of the
 * transition they started. At most one per task, since a task in a transition rejects the next
 * call. Touched only on the processor thread; replies go out after the commit. In memory only:
 * after a restart clients retry, as with Zeebe.
 */
final class UserTaskWaiters {

  private final Map<Long, CompletableFuture<Void>> waiting = new HashMap<>();

  void register(long userTaskKey, CompletableFuture<Void> reply) {
    waiting.put(userTaskKey, reply);
  }

  void succeed(ProcessingContext ctx, long userTaskKey) {
    CompletableFuture<Void> reply = waiting.remove(userTaskKey);
    if (reply != null) {
      ctx.afterCommit(() -> reply.complete(null));
    }
  }

  void fail(ProcessingContext ctx, long userTaskKey, Rejection rejection) {
    CompletableFuture<Void> reply = waiting.remove(userTaskKey);
    if (reply != null) {
      ctx.afterCommit(() -> reply.completeExceptionally(rejection));
    }
  }
}
