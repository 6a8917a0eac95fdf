package org.camunda4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.ConnectedJobContext;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.SyncJobContext;
import org.camunda4j.sdk.WorkerConfig;

/**
 * One worker under test in a JVM of its own, as users deploy it: {@code WorkerProcess <worker>
 * <restAddress> <maxJobs> <handlerMillis>}, where {@code worker} is {@code ASYNC}, {@code THREAD},
 * {@code VIRTUAL}, {@code PROCESS} (camunda4j; PROCESS ignores {@code handlerMillis}) or {@code official-<threads>} (camunda-client-java 8.9 over REST).
 * The handler does nothing (or waits {@code handlerMillis}) and completes the job.
 *
 * <p>Driven over stdin/stdout, one line each way, so that the parent measures from outside:
 * {@code count} → {@code count <jobs completed and acknowledged> started <handlers started>}; {@code gc} → {@code heap <bytes
 * used after a full GC> threads <live platform threads>}; {@code trace} → from now on, print {@code
 * start <System.nanoTime()>} when a handler starts (nanoTime is the machine's monotonic clock, shared
 * by every process); {@code quit} → close the worker and exit. Prints {@code ready} once polling.
 */
public final class WorkerProcess {

  static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

  private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
      true, StandardCharsets.UTF_8);
  private static volatile boolean tracing;
  private static final AtomicLong STARTED = new AtomicLong();
  private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("handler-delays").factory());

  private WorkerProcess() {}

  public static void main(String[] args) throws Exception {
    String worker = args[0];
    URI restAddress = URI.create(args[1]);
    int maxJobs = Integer.parseInt(args[2]);
    long handlerMillis = Long.parseLong(args[3]);
    AutoCloseable running;
    AtomicLong officialCompleted = new AtomicLong();
    java.util.function.LongSupplier completed;
    if (worker.startsWith("official-")) {
      int threads = Integer.parseInt(worker.substring("official-".length()));
      OfficialWorkerProcess official = OfficialWorkerProcess.start(restAddress, threads, maxJobs, handlerMillis, officialCompleted);
      running = official;
      completed = officialCompleted::get;
    } else {
      CamundaClient client = CamundaClient.builder().environment(Map.of())
          .configuration(Map.of("CAMUNDA_REST_ADDRESS", restAddress.toString())).build();
      WorkerConfig config = WorkerConfig.of(BenchProcess.JOB_TYPE).withJobTimeout(JOB_TIMEOUT).withMaxConcurrentJobs(maxJobs)
          .withWorkerName("bench-" + worker);
      JobWorker jobWorker = switch (worker) {
        case "ASYNC" -> client.async().createJobWorker(config, ExecutionStrategy.ASYNC,
            (ConnectedJobContext job) -> asyncHandler(handlerMillis));
        case "THREAD" -> client.createJobWorker(config, ExecutionStrategy.THREAD,
            (SyncJobContext job) -> blockingHandler(handlerMillis));
        case "VIRTUAL" -> client.createJobWorker(config, ExecutionStrategy.VIRTUAL,
            (SyncJobContext job) -> blockingHandler(handlerMillis));
        case "PROCESS" -> client.createJobWorker(config, ExecutionStrategy.PROCESS,
            (ProcessJobHandler) NoopHandlers::inChild);
        default -> throw new IllegalArgumentException("unknown worker " + worker);
      };
      running = client;
      completed = () -> jobWorker.stats().completed();
    }
    OUT.println("ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      switch (line.trim()) {
        case "count" -> OUT.println("count " + completed.getAsLong() + " started " + STARTED.get());
        case "gc" -> OUT.println("heap " + liveHeapBytes() + " threads " + ManagementFactory.getThreadMXBean().getThreadCount());
        case "trace" -> tracing = true;
        case "quit" -> {
          running.close();
          OUT.println("bye");
          System.exit(0);
        }
        default -> OUT.println("error unknown command '" + line + "'");
      }
    }
    running.close();
  }

  static void handlerStarted() {
    STARTED.incrementAndGet();
    if (tracing) {
      OUT.println("start " + System.nanoTime());
    }
  }

  private static CompletableFuture<Object> asyncHandler(long handlerMillis) {
    handlerStarted();
    if (handlerMillis <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Object> done = new CompletableFuture<>();
    DELAYS.schedule(() -> done.complete(null), handlerMillis, TimeUnit.MILLISECONDS);
    return done;
  }

  static Object blockingHandler(long handlerMillis) {
    handlerStarted();
    if (handlerMillis > 0) {
      try {
        Thread.sleep(handlerMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return null;
  }

  /** Heap in use right after a full collection: what stays reachable. */
  private static long liveHeapBytes() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
