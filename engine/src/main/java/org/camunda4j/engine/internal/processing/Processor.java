package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.EventApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns all engine state. Commands are queued from any thread; the loop
 * drains a batch, processes each command (events are applied as they are emitted), "commits" the
 * batch and only then runs side effects: replies, long-poll wake-ups and the next timer.
 *
 * <p>The commit point is where the coming event log appends and fsyncs the batch's events once, so
 * nothing a client sees acknowledged can be lost.
 */
public final class Processor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
  private static final int MAX_BATCH = 256;

  private record Task(Function<ProcessingContext, Object> work, CompletableFuture<Object> result) {}

  private final EngineState state;
  private final ControlledClock clock;
  private final ProcessingContext ctx;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService timers;
  private final Thread thread;
  private final Set<String> notifiedTypes = new LinkedHashSet<>();
  private volatile boolean running = true;
  private Consumer<Set<String>> onJobsAvailable = types -> {};
  private ScheduledFuture<?> nextTick;
  private long nextTickAt = Long.MAX_VALUE;
  private Runnable tickCommand = () -> {};

  public Processor(EngineState state, ControlledClock clock) {
    this.state = state;
    this.clock = clock;
    this.ctx = new ProcessingContext(new EventApplier(state));
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "camunda4j-timers");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::run, "camunda4j-processor");
    this.thread.setDaemon(true);
  }

  /** Wires what runs after a batch made jobs of some types activatable, and the command that handles due times. */
  void configure(Consumer<Set<String>> onJobsAvailable, Runnable tickCommand) {
    this.onJobsAvailable = onJobsAvailable;
    this.tickCommand = tickCommand;
  }

  public void start() {
    thread.start();
  }

  /** Runs {@code command} on the processor thread; the future completes after the batch is committed. */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> submit(Function<ProcessingContext, T> command) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    if (!running) {
      result.completeExceptionally(new IllegalStateException("the engine is stopped"));
    } else {
      queue.add(new Task((Function<ProcessingContext, Object>) command, result));
    }
    return (CompletableFuture<T>) (CompletableFuture<?>) result;
  }

  /** Reads state on the processor thread, so a query never sees a half-applied command. */
  public <T> CompletableFuture<T> read(Function<EngineState, T> query) {
    return submit(c -> query.apply(state));
  }

  /** Schedules {@code command} to be submitted after a real-time delay. */
  ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
    try {
      return timers.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      return null;
    }
  }

  boolean isProcessorThread() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    List<Task> batch = new ArrayList<>(MAX_BATCH);
    List<Runnable> sideEffects = new ArrayList<>();
    while (running) {
      try {
        Task first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        for (Task task : batch) {
          process(task, sideEffects);
        }
        // commit point: the event log will append and fsync this batch's events here
        sideEffects.forEach(Processor::runSafely);
        sideEffects.clear();
        batch.clear();
        afterCommit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable t) {
        LOG.error("engine processor loop failed", t);
      }
    }
  }

  private void process(Task task, List<Runnable> sideEffects) {
    ctx.reset();
    ctx.begin(clock.millis());
    try {
      Object value = task.work().apply(ctx);
      ctx.runFollowUps();
      sideEffects.addAll(ctx.sideEffects());
      sideEffects.add(() -> task.result().complete(value));
      notifiedTypes.addAll(ctx.availableJobTypes());
    } catch (Rejection rejection) {
      // rejections are thrown before the command emits anything
      sideEffects.add(() -> task.result().completeExceptionally(rejection));
    } catch (Throwable t) {
      LOG.error("command failed unexpectedly; its partial effects remain", t);
      sideEffects.addAll(ctx.sideEffects());
      sideEffects.add(() -> task.result().completeExceptionally(t));
    }
  }

  private void afterCommit() {
    if (!notifiedTypes.isEmpty()) {
      Set<String> types = new LinkedHashSet<>(notifiedTypes);
      notifiedTypes.clear();
      onJobsAvailable.accept(types);
    }
    scheduleNextTick();
  }

  /** Wakes the processor when the next job deadline or backoff falls due on the engine clock. */
  private void scheduleNextTick() {
    long due = state.nextDueTime();
    if (due < 0 || clock.isPinned()) {
      return; // a pinned clock moves only by command, and each move runs a tick
    }
    if (nextTick != null && !nextTick.isDone() && nextTickAt <= due) {
      return;
    }
    if (nextTick != null) {
      nextTick.cancel(false);
    }
    nextTickAt = due;
    nextTick = schedule(tickCommand, Math.max(0, due - clock.millis()));
  }

  private static void runSafely(Runnable sideEffect) {
    try {
      sideEffect.run();
    } catch (Throwable t) {
      LOG.warn("a side effect failed", t);
    }
  }

  @Override
  public void close() {
    running = false;
    timers.shutdownNow();
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Task task;
    while ((task = queue.poll()) != null) {
      task.result().completeExceptionally(new IllegalStateException("the engine is stopped"));
    }
  }
}
