package org.camunda4j.examples;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda4j.engine.Engine;
import org.camunda4j.cli.CommandLine;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.Incident;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.SearchRequest;
import org.camunda4j.sdk.WorkerStats;

/**
 * The order-fulfilment demo ({@code bin/camunda4j demo [--instances N] [--rest-address URL]}): starts
 * the embedded engine (unless given a REST address), deploys {@value #MODEL}, runs one worker per
 * job type and a packing station for the user tasks, places N orders, and prints a per-worker table.
 * Exits 0 only if every order ended as designed.
 */
public final class Demo {

  static final String MODEL = "order-fulfilment.bpmn";
  static final String PROCESS_ID = "order-fulfilment";

  private static final SearchRequest ACTIVE_INCIDENTS = SearchRequest.filter(
      Map.of("processDefinitionId", PROCESS_ID, "state", "ACTIVE")).withPage(SearchRequest.Page.limit(1000));

  /**
   * The defaults every worker inherits (the seed's {@code CAMUNDA_WORKER_*}), given as the client's
   * configuration map; environment variables of the same names would do the same.
   */
  static final Map<String, String> WORKER_DEFAULTS = Map.of(
      "CAMUNDA_WORKER_TIMEOUT", "30000",
      "CAMUNDA_WORKER_MAX_CONCURRENT_JOBS", "32",
      "CAMUNDA_WORKER_NAME", "order-fulfilment-demo",
      "CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS", "0.5");

  private Demo() {}

  public static void main(String[] args) {
    System.exit(run(System.out, args));
  }

  /** Runs the demo and returns its exit code: 0 all as designed, 1 not (or unreachable), 2 bad arguments. */
  public static int run(PrintStream out, String... args) {
    return run(out, System.getenv(), args);
  }

  static int run(PrintStream out, Map<String, String> environment, String... args) {
    DemoOptions options;
    try {
      Optional<DemoOptions> parsed = DemoOptions.parse(environment, args);
      if (parsed.isEmpty()) {
        out.print(DemoOptions.help());
        return 0;
      }
      options = parsed.get();
    } catch (CommandLine.UsageException e) {
      System.err.println("camunda4j demo: " + e.getMessage());
      return 2;
    }
    DemoLogging.configure();
    try (Engine engine = options.restAddress().isPresent() ? null : Engine.start()) {
      URI rest = options.restAddress().orElseGet(() -> engine.restAddress());
      out.println("camunda4j demo: " + options.instances() + " orders on "
          + (engine != null ? "the embedded engine at " + rest : rest + " (from " + options.restAddressSource() + ")"));
      if (engine != null) engine.consoleAddress().ifPresent(console -> out.println("watch the orders flow in the console: " + console));
      try (CamundaAsyncClient client = client(rest, engine != null)) {
        return new Demo.Run(out, client, options.instances()).execute();
      } catch (RuntimeException e) {
        Optional<String> unreachable = Unreachable.explain(e, rest);
        if (unreachable.isEmpty() || options.verbose()) {
          throw e;
        }
        System.err.println("camunda4j demo: " + unreachable.get());
        return 1;
      }
    }
  }

  /** For the embedded engine the environment is ignored, so a developer's cluster credentials stay out. */
  private static CamundaAsyncClient client(URI rest, boolean embedded) {
    Map<String, String> configuration = new LinkedHashMap<>(WORKER_DEFAULTS);
    configuration.put("CAMUNDA_REST_ADDRESS", rest.toString());
    var builder = CamundaAsyncClient.builder().configuration(configuration);
    return (embedded ? builder.environment(Map.of()) : builder).buildAsync();
  }

  /** One run: orders placed, awaited, checked and summarised. */
  private static final class Run {

    private final PrintStream out;
    private final CamundaAsyncClient client;
    private final int instances;
    private final DesignCheck check = new DesignCheck();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private final Map<Long, Incident> stuck = new ConcurrentHashMap<>();

    Run(PrintStream out, CamundaAsyncClient client, int instances) {
      this.out = out;
      this.client = client;
      this.instances = instances;
    }

    int execute() {
      client.deployResourcesFromClasspath(MODEL).join();
      ProcessFeatures features = ProcessFeatures.of(MODEL);
      out.println("model " + MODEL + ": " + features.describe());
      List<OrderPlan> orders = OrderPlan.plan(instances, features);
      Map<String, OrderPlan> ordersById = orders.stream().collect(Collectors.toMap(OrderPlan::orderId, Function.identity()));

      long start = System.nanoTime();
      List<OrderWorkers.Running> workers = OrderWorkers.start(client);
      PackingStation station = features.packing() ? new PackingStation(client.blocking(), ordersById, check) : null;
      Duration budget = Duration.ofSeconds(120 + instances / 2); // a bound against hangs, not a speed target
      Map<OrderPlan, CompletableFuture<ProcessInstanceCreationResult>> runs = new LinkedHashMap<>();
      ProgressLine progress = new ProgressLine(out, () -> status(workers, start));
      try {
        for (OrderPlan order : orders) {
          runs.put(order, place(order, budget));
        }
        awaitEnds(runs, budget);
      } finally {
        progress.close();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (station != null) {
        station.close();
      }

      runs.forEach((order, run) -> checkEnd(order, run, features, workers));
      List<SummaryTable.Row> rows = stopAndSummarise(workers);
      checkCounts(orders, rows, station);

      out.println();
      SummaryTable.print(out, rows, elapsed);
      out.println();
      return verdict(orders, station);
    }

    private CompletableFuture<ProcessInstanceCreationResult> place(OrderPlan order, Duration budget) {
      return client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId(PROCESS_ID)
              .withVariables(order.variables())
              .withTags(List.of(order.orderId()))
              .withAwaitCompletion()
              .withRequestTimeout(budget))
          .whenComplete((result, error) -> {
            ended.incrementAndGet();
            if (error != null) {
              broken.incrementAndGet();
            } else if (Boolean.TRUE.equals(result.variables().get("cancelled"))) {
              cancelled.incrementAndGet();
            }
          });
    }

    /**
     * Waits until every order has ended or is stuck on an incident (which no worker of the demo
     * resolves), or the budget is spent. Stuck orders are then reported with their incident.
     */
    private void awaitEnds(Map<OrderPlan, CompletableFuture<ProcessInstanceCreationResult>> runs, Duration max) {
      long deadline = System.nanoTime() + max.toNanos();
      while (System.nanoTime() < deadline && ended.get() + stuck.size() < runs.size()) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (Incident incident : client.blocking().searchIncidents(ACTIVE_INCIDENTS).items()) {
          stuck.putIfAbsent(incident.processInstanceKey(), incident);
        }
      }
    }

    private String status(List<OrderWorkers.Running> workers, long start) {
      long jobs = workers.stream().mapToLong(w -> w.worker().stats().handled()).sum();
      return String.format("orders %d/%d ended (%d cancelled, %d failed, %d stuck on an incident) | jobs handled %d | %.1f s",
          ended.get(), instances, cancelled.get(), broken.get(), stuck.size(), jobs, (System.nanoTime() - start) / 1e9);
    }

    private void checkEnd(OrderPlan order, CompletableFuture<ProcessInstanceCreationResult> run,
        ProcessFeatures features, List<OrderWorkers.Running> workers) {
      if (!run.isDone()) {
        check.problem(order.orderId() + ": did not end" + stuckReason(order));
        run.cancel(true);
        return;
      }
      if (run.isCompletedExceptionally()) {
        check.problem(order.orderId() + ": " + run.exceptionNow().getMessage());
        return;
      }
      Map<String, Object> variables = run.resultNow().variables();
      check.checkEnd(order, variables, features);
      if (variables.get("labelMicros") instanceof Number micros) {
        timingsOf(workers, "compute-shipping-label").record(micros.longValue() * 1_000);
      }
    }

    /** Why an order has not ended: the incident of its instance, found through the order's tag. */
    private String stuckReason(OrderPlan order) {
      SearchRequest byTag = SearchRequest.filter(Map.of("processDefinitionId", PROCESS_ID, "tags", List.of(order.orderId())));
      return client.blocking().searchProcessInstances(byTag).items().stream()
          .map(instance -> stuck.get(instance.processInstanceKey()))
          .filter(Objects::nonNull)
          .map(incident -> ": incident at " + incident.elementId() + ": " + incident.errorMessage())
          .findFirst().orElse(" in time");
    }

    private static HandlerTimings timingsOf(List<OrderWorkers.Running> workers, String jobType) {
      return workers.stream().filter(w -> w.worker().jobType().equals(jobType)).findFirst().orElseThrow().timings();
    }

    private static List<SummaryTable.Row> stopAndSummarise(List<OrderWorkers.Running> workers) {
      List<SummaryTable.Row> rows = new ArrayList<>();
      for (OrderWorkers.Running running : workers) {
        running.worker().shutdown(Duration.ofSeconds(10));
        WorkerStats stats = running.worker().stats();
        rows.add(new SummaryTable.Row(running.worker().jobType(), running.worker().strategy().name(), stats,
            running.timings().quantile(0.50), running.timings().quantile(0.99)));
      }
      return rows;
    }

    /** The twists happened exactly as often as designed. */
    private void checkCounts(List<OrderPlan> orders, List<SummaryTable.Row> rows, PackingStation station) {
      Map<String, WorkerStats> stats = rows.stream().collect(Collectors.toMap(SummaryTable.Row::jobType, SummaryTable.Row::stats));
      check.expectCount("busy-gateway failures of charge-payment", stats.get("charge-payment").failed(),
          orders.stream().filter(OrderPlan::paymentBusy).count());
      check.expectCount("declines (BPMN errors) of charge-payment", stats.get("charge-payment").errored(),
          orders.stream().filter(OrderPlan::declined).count());
      check.expectCount("failures of book-carrier (unhandled exceptions)", stats.get("book-carrier").failed(),
          orders.stream().filter(OrderPlan::carrierTimeout).count());
      if (station != null) {
        check.expectCount("denied completions of Pack order", station.denials(),
            orders.stream().filter(OrderPlan::eagerPacker).count());
      }
    }

    private int verdict(List<OrderPlan> orders, PackingStation station) {
      List<String> problems = check.problems();
      if (problems.isEmpty()) {
        long declined = orders.stream().filter(OrderPlan::declined).count();
        out.printf("All %d orders ended as designed: %d shipped, %d cancelled after a declined payment."
                + " Retried after a busy payment gateway: %d; after a carrier exception: %d."
                + " Unclaimed completions denied: %d.%n",
            orders.size(), orders.size() - declined, declined,
            orders.stream().filter(OrderPlan::paymentBusy).count(),
            orders.stream().filter(OrderPlan::carrierTimeout).count(),
            station == null ? 0 : station.denials());
        return 0;
      }
      out.println(problems.size() + " deviation(s) from the design:");
      problems.stream().limit(20).forEach(p -> out.println("  - " + p));
      if (problems.size() > 20) {
        out.println("  ... and " + (problems.size() - 20) + " more");
      }
      return 1;
    }
  }
}
