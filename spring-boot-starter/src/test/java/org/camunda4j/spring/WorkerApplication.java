package org.camunda4j.spring;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.JobError;
import org.camunda4j.sdk.JobFailure;
import org.camunda4j.sdk.SyncJobContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** An application with a worker for every parameter kind and every outcome, as a user writes them. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WorkerApplication {

  @Bean
  SimpleMeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Bean
  Workers workers() {
    return new Workers();
  }

  record Order(String orderId, long amountCents) {}

  record Shipment(String trackingId) {}

  /** What the methods saw, for the tests to read. */
  static final class Seen {
    final Map<String, Object> values = new ConcurrentHashMap<>();
    final List<Integer> crashRetries = new CopyOnWriteArrayList<>();
  }

  static class Workers {

    final Seen seen = new Seen();

    @JobWorker(type = "bind-everything")
    Map<String, Object> bindEverything(JobContext job, ActivatedJob activated, Order order,
        @Variable("customer") String customer, @Variable int quantity, @CustomHeader("region") String region,
        @CustomHeader int priority, @CustomHeaders Map<String, Object> headers) {
      seen.values.put("contextType", job.type());
      seen.values.put("fetched", activated.variables().keySet());
      seen.values.put("order", order);
      seen.values.put("customer", customer);
      seen.values.put("quantity", quantity);
      seen.values.put("region", region);
      seen.values.put("priority", priority);
      seen.values.put("headers", headers);
      return Map.of("checked", true);
    }

    /** Type from the method's name; a record returned becomes the variables. */
    @JobWorker
    Shipment ship(@Variable String orderId) {
      return new Shipment("track-" + orderId);
    }

    @JobWorker(type = "fail-explicitly")
    void failExplicitly() {
      throw new JobFailure("card declined", 0, Duration.ZERO);
    }

    @JobWorker(type = "return-error")
    JobError returnError() {
      return new JobError("OUT_OF_STOCK", "none left");
    }

    @JobWorker(type = "throw-error")
    void throwError() {
      throw new JobError("OUT_OF_STOCK", "none left", Map.of("restockInDays", 3));
    }

    @JobWorker(type = "crash")
    void crash(ActivatedJob job) {
      seen.crashRetries.add(job.retries());
      throw new IllegalStateException("the warehouse API is down");
    }

    @JobWorker(type = "completes-itself")
    Map<String, Object> completesItself(SyncJobContext job) {
      job.client().completeJob(job.jobKey(), Map.of("completedBy", "the method"));
      return Map.of("completedBy", "the worker");
    }

    @JobWorker(type = "async-quote")
    CompletionStage<Map<String, Object>> asyncQuote(ConnectedJobContext job, @Variable long amountCents) {
      seen.values.put("asyncContext", job.client() != null);
      return CompletableFuture.supplyAsync(() -> Map.of("quoteCents", amountCents * 2));
    }

    @JobWorker(type = "virtual", strategy = JobWorker.Strategy.VIRTUAL)
    Map<String, Object> virtual() {
      return Map.of("onVirtualThread", Thread.currentThread().isVirtual());
    }

    @JobWorker(type = "overridden", maxConcurrentJobs = 2, workerName = "${test.worker-name}", jobTimeout = "20s",
        fetchVariables = "orderId")
    void overridden() {}

    @JobWorker(type = "disabled-by-property")
    void disabledByProperty() {}
  }
}
