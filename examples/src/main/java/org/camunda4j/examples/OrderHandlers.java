package org.camunda4j.examples;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobCompletionRequest;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.JobError;
import org.camunda4j.sdk.JobFailure;
import org.camunda4j.sdk.JobResultCorrections;
import org.camunda4j.sdk.JobResultUserTask;
import org.camunda4j.sdk.MessagePublicationRequest;
import org.camunda4j.sdk.SyncJobContext;
import org.slf4j.event.Level;

/**
 * The handlers of the order-fulfilment process, one per job type. Each simulates its integration
 * (a short blocking call, a remote call answered later, CPU work) and shows one outcome of the seed.
 * A job is on its first attempt while its retries are still the model's {@value #MODEL_RETRIES}.
 */
final class OrderHandlers {

  static final int MODEL_RETRIES = 3;
  static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
  static final String ORDER_PROCESSED = "order-processed";
  static final Duration PAYMENT_RETRY_BACKOFF = Duration.ofMillis(200);

  private OrderHandlers() {}

  /** THREAD: a blocking inventory lookup. */
  static Object checkInventory(SyncJobContext job) throws InterruptedException {
    OrderVariables order = job.variables().as(OrderVariables.class);
    Thread.sleep(2); // the warehouse system's blocking client
    log(job, order, "reserved the items of {} in {}", order.orderId(), order.warehouse());
    return Map.of("inventoryChecked", true);
  }

  /**
   * ASYNC: a payment gateway called without blocking a thread. Declines payments over the limit with
   * a BPMN error the model catches; a busy gateway fails the first attempt with a backoff.
   */
  static CompletionStage<?> chargePayment(ConnectedJobContext job) {
    OrderVariables order = job.variables().as(OrderVariables.class);
    if (order.amount() > OrderPlan.PAYMENT_LIMIT) {
      log(job, order, "declining {}: {} is over the limit", order.orderId(), order.amount());
      return CompletableFuture.failedFuture(new JobError(PAYMENT_DECLINED, "amount " + order.amount() + " over the limit"));
    }
    if (order.paymentBusy() && job.retries() == MODEL_RETRIES) {
      log(job, order, "payment gateway busy for {}, retrying in {} ms", order.orderId(), PAYMENT_RETRY_BACKOFF.toMillis());
      return CompletableFuture.failedFuture(
          new JobFailure("payment gateway busy", job.retries() - 1, PAYMENT_RETRY_BACKOFF));
    }
    return CompletableFuture.supplyAsync(
        () -> Map.of("paymentId", "pay-" + order.orderId()),
        CompletableFuture.delayedExecutor(3, TimeUnit.MILLISECONDS)); // the gateway answers later
  }

  /** THREAD: the compensation path after a declined payment. */
  static Object cancelOrder(SyncJobContext job) {
    OrderVariables order = job.variables().as(OrderVariables.class);
    log(job, order, "cancelled {} after the payment was declined", order.orderId());
    return Map.of("cancelled", true);
  }

  /**
   * PROCESS: CPU-bound work in a child JVM. It reports its own duration, since the parent only sees
   * the round trip. {@code job.log()} lines are forwarded to the parent's log.
   */
  static Object computeShippingLabel(JobContext job) throws NoSuchAlgorithmException {
    long start = System.nanoTime();
    OrderVariables order = job.variables().as(OrderVariables.class);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] digest = order.orderId().getBytes(StandardCharsets.UTF_8);
    for (int round = 0; round < 5_000; round++) {
      digest = sha.digest(digest);
    }
    String label = "LBL-" + HexFormat.of().formatHex(digest, 0, 4).toUpperCase();
    log(job, order, "computed shipping label {} for {}", label, order.orderId());
    return Map.of("shippingLabel", label, "labelMicros", (System.nanoTime() - start) / 1_000);
  }

  /** VIRTUAL: a blocking carrier API; its first call times out for some orders, an unhandled exception. */
  static Object bookCarrier(SyncJobContext job) throws InterruptedException {
    OrderVariables order = job.variables().as(OrderVariables.class);
    Thread.sleep(5);
    if (order.carrierTimeout() && job.retries() == MODEL_RETRIES) {
      throw new IllegalStateException("carrier API timed out for " + order.orderId());
    }
    String carrier = switch (order.warehouse()) {
      case "berlin" -> "DHL";
      case "lisbon" -> "CTT";
      default -> "Posten";
    };
    log(job, order, "booked {} for {}", carrier, order.orderId());
    return Map.of("carrier", carrier);
  }

  /** ASYNC: publishes the "order processed" message through the job's own client. */
  static CompletionStage<?> publishOrderProcessed(ConnectedJobContext job) {
    OrderVariables order = job.variables().as(OrderVariables.class);
    return job.client()
        .publishMessage(MessagePublicationRequest.of(ORDER_PROCESSED, order.orderId())
            .withTimeToLive(Duration.ofMinutes(1))
            .withVariables(Map.of("orderStatus", "processed")))
        .thenApply(published -> {
          log(job, order, "published {} for {}", ORDER_PROCESSED, order.orderId());
          return Map.of("orderProcessedPublished", true);
        });
  }

  /** ASYNC task listener (assigning): whoever claims the task, the warehouse's packer gets it. */
  static CompletionStage<?> assignPacker(ConnectedJobContext job) {
    String packer = "packer-" + job.variables().get("warehouse");
    if (!packer.equals(job.userTask().assignee())) {
      log(job, job.variables().as(OrderVariables.class), "correcting assignee {} to {}", job.userTask().assignee(), packer);
    }
    return CompletableFuture.completedFuture(
        new JobCompletionRequest(JobResultUserTask.correct(JobResultCorrections.none().withAssignee(packer))));
  }

  /** THREAD task listener (completing): denies completing a task nobody has claimed. */
  static Object checkPacking(SyncJobContext job) {
    if (job.userTask().assignee() == null || job.userTask().assignee().isEmpty()) {
      log(job, job.variables().as(OrderVariables.class), "denying completion: nobody has claimed the task");
      return new JobCompletionRequest(JobResultUserTask.deny("an unassigned order cannot be packed"));
    }
    return JobCompletionRequest.empty();
  }

  /** INFO for traced orders, DEBUG for the rest, so a run shows a few lines per handler. */
  private static void log(JobContext job, OrderVariables order, String pattern, Object... arguments) {
    job.log().atLevel(order.traced() ? Level.INFO : Level.DEBUG).log(pattern, arguments);
  }
}
