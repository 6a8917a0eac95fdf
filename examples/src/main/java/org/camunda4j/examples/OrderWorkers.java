package org.camunda4j.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda4j.sdk.AsyncJobHandler;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobHandler;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.WorkerConfig;

/**
 * Starts one worker per job type of the order-fulfilment process. Most configs name only the job
 * type: timeout, concurrency, worker name and startup jitter come from the client's
 * {@code CAMUNDA_WORKER_*} configuration. The CPU worker overrides two of them explicitly, which wins.
 */
final class OrderWorkers {

  /** A started worker and the durations of its handler calls. */
  record Running(JobWorker worker, HandlerTimings timings) {}

  private OrderWorkers() {}

  static List<Running> start(CamundaAsyncClient client) {
    List<Running> running = new ArrayList<>();
    running.add(thread(client, "check-inventory", OrderHandlers::checkInventory));
    running.add(async(client, "charge-payment", OrderHandlers::chargePayment));
    running.add(thread(client, "cancel-order", OrderHandlers::cancelOrder));

    // CPU-bound: a few child JVMs, a longer lock, and its own startup jitter (the 4-argument overload).
    HandlerTimings labels = new HandlerTimings();
    running.add(new Running(client.createJobWorker(
        WorkerConfig.of("compute-shipping-label").withMaxConcurrentJobs(2).withJobTimeout(Duration.ofMinutes(2)),
        ExecutionStrategy.PROCESS, OrderHandlers::computeShippingLabel, Duration.ofMillis(200)), labels));

    HandlerTimings carrier = new HandlerTimings();
    running.add(new Running(client.createJobWorker(
        WorkerConfig.of("book-carrier"), ExecutionStrategy.VIRTUAL, carrier.timedBlocking(OrderHandlers::bookCarrier)), carrier));

    running.add(async(client, "publish-order-processed", OrderHandlers::publishOrderProcessed));
    running.add(async(client, "assign-packer", OrderHandlers::assignPacker));
    running.add(thread(client, "check-packing", OrderHandlers::checkPacking));
    return List.copyOf(running);
  }

  private static Running async(CamundaAsyncClient client, String jobType, AsyncJobHandler handler) {
    HandlerTimings timings = new HandlerTimings();
    return new Running(client.createJobWorker(WorkerConfig.of(jobType), ExecutionStrategy.ASYNC, timings.timedAsync(handler)), timings);
  }

  private static Running thread(CamundaAsyncClient client, String jobType, JobHandler handler) {
    HandlerTimings timings = new HandlerTimings();
    return new Running(client.createJobWorker(WorkerConfig.of(jobType), ExecutionStrategy.THREAD, timings.timedBlocking(handler)), timings);
  }
}
