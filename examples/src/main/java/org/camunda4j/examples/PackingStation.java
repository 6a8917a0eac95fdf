package org.camunda4j.examples;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.SearchRequest;
import org.camunda4j.sdk.UserTask;

/**
 * The people of the demo: packers who work the "Pack order" user tasks. A packer claims a task under
 * any name (the assigning listener corrects it to the warehouse's packer) and completes it; an
 * impatient packer first tries to complete it unclaimed, which the completing listener denies.
 */
final class PackingStation implements AutoCloseable {

  static final String PACK_ORDER = "Task_PackOrder";
  private static final String CLAIMED_AS = "first-free-packer";

  private final CamundaClient client;
  private final Map<String, OrderPlan> ordersById;
  private final DesignCheck check;
  private final Set<Long> seen = ConcurrentHashMap.newKeySet();
  private final ExecutorService packers = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger denials = new AtomicInteger();
  private final Thread watcher;
  private volatile boolean open = true;

  PackingStation(CamundaClient client, Map<String, OrderPlan> ordersById, DesignCheck check) {
    this.client = client;
    this.ordersById = ordersById;
    this.check = check;
    this.watcher = Thread.ofPlatform().daemon().name("packing-station").start(this::watch);
  }

  /** Completions the completing listener denied. */
  int denials() {
    return denials.get();
  }

  private void watch() {
    SearchRequest openTasks = SearchRequest.filter(Map.of("elementId", PACK_ORDER, "state", "CREATED"))
        .withPage(SearchRequest.Page.limit(500));
    while (open) {
      try {
        for (UserTask task : client.searchUserTasks(openTasks).items()) {
          if (seen.add(task.userTaskKey())) {
            packers.execute(() -> pack(task));
          }
        }
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (open) {
          check.problem("searching open user tasks failed: " + e.getMessage());
        }
      }
    }
  }

  private void pack(UserTask task) {
    long key = task.userTaskKey();
    try {
      OrderPlan order = orderOf(task);
      if (order.eagerPacker()) {
        tryCompletingUnclaimed(key, order);
      }
      client.assignUserTask(key, CLAIMED_AS);
      String packer = correctedAssignee(key);
      client.completeUserTask(key, Map.of("packedBy", packer));
    } catch (RuntimeException e) {
      check.problem("packing user task " + key + " failed: " + e.getMessage());
    }
  }

  private void tryCompletingUnclaimed(long key, OrderPlan order) {
    try {
      client.completeUserTask(key, Map.of("packedBy", "nobody"));
      check.problem(order.orderId() + ": completing its unclaimed task was not denied");
    } catch (CamundaApiException e) {
      if (!e.isConflict()) {
        throw e;
      }
      denials.incrementAndGet();
    }
  }

  /** The assignee after the assigning listener ran; searches may lag, so read until it shows. */
  private String correctedAssignee(long key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      String assignee = client.getUserTask(key).assignee();
      if (assignee != null && !assignee.equals(CLAIMED_AS)) {
        return assignee;
      }
      if (System.nanoTime() > deadline) {
        return String.valueOf(assignee); // the outcome check then reports the wrong packer
      }
      sleepBriefly();
    }
  }

  /** The instance carries its order id as a tag (user tasks carry no process variables). */
  private OrderPlan orderOf(UserTask task) {
    for (String tag : client.getProcessInstance(task.processInstanceKey()).tags()) {
      OrderPlan order = ordersById.get(tag);
      if (order != null) {
        return order;
      }
    }
    throw new IllegalStateException("process instance " + task.processInstanceKey() + " has no order tag");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    open = false;
    watcher.interrupt();
    packers.shutdown();
    try {
      packers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
