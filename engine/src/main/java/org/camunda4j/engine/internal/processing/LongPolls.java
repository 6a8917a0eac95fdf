package org.camunda4j.engine.internal.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;

/**
 * Job activations waiting for jobs, parked per job type in arrival order. Touched only on the
 * processor thread, so checking for jobs and parking happen atomically: a job created in between
 * cannot be missed.
 */
final class LongPolls {

  /** A waiting activation; {@code connected} turns false when its client goes away. */
  static final class Parked {
    final long id;
    final ActivationRequest request;
    final CompletableFuture<List<ActivatedJob>> reply;
    final BooleanSupplier connected;
    ScheduledFuture<?> expiry;

    Parked(long id, ActivationRequest request, CompletableFuture<List<ActivatedJob>> reply, BooleanSupplier connected) {
      this.id = id;
      this.request = request;
      this.reply = reply;
      this.connected = connected;
    }
  }

  private final Map<String, Deque<Parked>> byType = new HashMap<>();
  private final Map<Long, Parked> byId = new HashMap<>();
  private long lastId;

  long nextId() {
    return ++lastId;
  }

  void park(Parked parked) {
    byType.computeIfAbsent(parked.request.type(), t -> new ArrayDeque<>()).add(parked);
    byId.put(parked.id, parked);
  }

  Parked remove(long id) {
    Parked parked = byId.remove(id);
    if (parked != null) {
      Deque<Parked> queue = byType.get(parked.request.type());
      queue.remove(parked);
      if (queue.isEmpty()) {
        byType.remove(parked.request.type());
      }
      if (parked.expiry != null) {
        parked.expiry.cancel(false);
      }
    }
    return parked;
  }

  boolean hasWaiters(String type) {
    return byType.containsKey(type);
  }

  /** The activations waiting for a type, oldest first (a copy: serving removes entries). */
  List<Parked> waiting(String type) {
    Deque<Parked> queue = byType.get(type);
    return queue == null ? List.of() : new ArrayList<>(queue);
  }

  List<Parked> all() {
    return new ArrayList<>(byId.values());
  }
}
