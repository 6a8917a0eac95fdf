package org.camunda4j.engine.internal.processing;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Callers of {@code awaitCompletion} waiting for a process instance to end. In memory only: after a
 * restart clients retry, as they do with Zeebe. A waiter that gives up (timeout) removes itself.
 */
final class CompletionWaiters {

  private final Map<Long, List<CompletableFuture<Map<String, Object>>>> waiters = new ConcurrentHashMap<>();

  CompletableFuture<Map<String, Object>> await(long processInstanceKey) {
    CompletableFuture<Map<String, Object>> future = new CompletableFuture<>();
    waiters.computeIfAbsent(processInstanceKey, k -> new CopyOnWriteArrayList<>()).add(future);
    future.whenComplete(
        (r, e) ->
            waiters.computeIfPresent(
                processInstanceKey,
                (k, list) -> {
                  list.remove(future);
                  return list.isEmpty() ? null : list;
                }));
    return future;
  }

  void completed(ProcessingContext ctx, long processInstanceKey, Map<String, Object> rootVariables) {
    List<CompletableFuture<Map<String, Object>>> list = waiters.get(processInstanceKey);
    if (list != null) {
      Map<String, Object> variables = Collections.unmodifiableMap(new HashMap<>(rootVariables));
      ctx.afterCommit(() -> List.copyOf(list).forEach(f -> f.complete(variables)));
    }
  }

  void terminated(ProcessingContext ctx, long processInstanceKey) {
    List<CompletableFuture<Map<String, Object>>> list = waiters.get(processInstanceKey);
    if (list != null) {
      ctx.afterCommit(
          () ->
              List.copyOf(list)
                  .forEach(
                      f ->
                          f.completeExceptionally(
                              Rejection.invalidState(
                                  "Expected process instance with key '" + processInstanceKey
                                      + "' to complete, but it was terminated"))));
    }
  }
}
