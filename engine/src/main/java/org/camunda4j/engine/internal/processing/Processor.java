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
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.camunda4j.engine.internal.log.EventLog;
import org.camunda4j.engine.internal.log.LogUnavailableException;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.record.EngineEvent.KeysIssued;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.KeyRange;
import org.camunda4j.engine.internal.state.EventApplier;
import org.camunda4j.engine.internal.state.Identities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns all engine state. Commands are queued from any thread; the loop
 * drains a batch, processes each command (events are applied as they are emitted), appends the
 * events of each successful command to the {@link EventLog} and commits the log once for the batch.
 * The batch's replies run once its events are durable; the loop does not wait for that and goes on
 * with the next batch (a durable log syncs in the background and answers batches in order), so a
 * later batch may read what an earlier one wrote before it is durable, but never answers before it.
 *
 * <p>A command is atomic. One that is rejected or fails leaves the state as it was: when it had
 * emitted events, the state is rebuilt by replaying the log (which holds every earlier command,
 * those of this batch included). A failure answers its caller with the exception (a 500) and is
 * logged with the command.
 */
public final class Processor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
  private static final int MAX_BATCH = 256;

  /** Commands from clients that may wait at once; beyond it they are refused with 503 RESOURCE_EXHAUSTED. */
  static final int DEFAULT_QUEUE_CAPACITY = 10_000;

  /** What the loop runs: a command, or a read of the state. */
  private record Task(Command command, Function<EngineState, Object> query, CompletableFuture<Object> result) {}

  /** Processes one command; see {@code CommandHandler}. */
  @FunctionalInterface
  interface Handler {
    Object process(ProcessingContext ctx, Command command);
  }

  private final EngineState state;
  private final EventApplier applier;
  private final ControlledClock clock;
  private final EventLog log;
  private final Handler handler;
  private final ProcessingContext ctx;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final int queueCapacity;
  private final ScheduledExecutorService timers;
  private final Thread thread;
  private final Set<String> notifiedTypes = new LinkedHashSet<>();
  private volatile boolean running = true;
  private Consumer<Set<String>> onJobsAvailable = types -> {};
  private LongSupplier alsoDueAt = () -> -1;
  private ScheduledFuture<?> nextTick;
  private long nextTickAt = Long.MAX_VALUE;
  /** What network threads read of the identities: a copy of the live ones as the last batch left them. */
  private volatile Identities identityView;
  /** The live identities {@link #identityView} was copied from; a snapshot read back replaces them. */
  private Identities identitySource;

  public Processor(EngineState state, ControlledClock clock, EventLog log, Handler handler) {
    this(state, clock, log, handler, DEFAULT_QUEUE_CAPACITY);
  }

  Processor(EngineState state, ControlledClock clock, EventLog log, Handler handler, int queueCapacity) {
    this.queueCapacity = queueCapacity;
    this.state = state;
    this.applier = new EventApplier(state);
    this.clock = clock;
    this.log = log;
    this.handler = handler;
    this.ctx = new ProcessingContext(applier);
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "camunda4j-timers");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::run, "camunda4j-processor");
    this.thread.setDaemon(true);
    publishIdentities();
  }

  /** Wires when due work outside the state's own due times falls due (-1: none), e.g. history removal. */
  void alsoDueAt(LongSupplier dueAt) {
    this.alsoDueAt = dueAt;
  }

  /** Wires what runs after a batch made jobs of some types activatable. */
  void onJobsAvailable(Consumer<Set<String>> onJobsAvailable) {
    this.onJobsAvailable = onJobsAvailable;
  }

  /** Rebuilds the state from the log (a restart), or, for a new log, records where keys start; then starts the loop. */
  public void start(long lastKeyOfNewEngine) {
    log.replay(state, applier::apply);
    if (state.lastKey() == KeyRange.PARTITION_ONE) {
      List<EngineEvent> first = List.of(new KeysIssued(lastKeyOfNewEngine));
      first.forEach(applier::apply);
      log.append(first);
      log.commitAndWait();
    }
    publishIdentities();
    thread.start();
    submit(new Command.ProcessDueWork()); // what fell due while the engine was down happens now
  }

  /** Runs {@code command} on the processor thread; the future completes after the batch is committed. */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> submit(Command command) {
    return (CompletableFuture<T>) enqueue(new Task(command, null, new CompletableFuture<>()));
  }

  /** Reads state on the processor thread, so a query never sees a half-applied command. */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> read(Function<EngineState, T> query) {
    return (CompletableFuture<T>) enqueue(new Task(null, (Function<EngineState, Object>) query, new CompletableFuture<>()));
  }

  private CompletableFuture<?> enqueue(Task task) {
    if (!running) {
      task.result().completeExceptionally(new IllegalStateException("the engine is stopped"));
    } else if (!(task.command() instanceof Command.Internal) && queue.size() >= queueCapacity) {
      task.result()
          .completeExceptionally(
              new Rejection(
                  Rejection.Type.RESOURCE_EXHAUSTED,
                  "The engine has " + queueCapacity + " commands waiting and takes no more for now: back off and retry"));
    } else {
      queue.add(task);
    }
    return task.result();
  }

  /** Schedules {@code command} to be submitted after a real-time delay. */
  ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
    try {
      return timers.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      return null;
    }
  }

  boolean isRunning() {
    return running;
  }

  boolean isProcessorThread() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    List<Task> batch = new ArrayList<>(MAX_BATCH);
    List<Runnable> sideEffects = new ArrayList<>();
    while (running) {
      try {
        if (log.failed()) {
          recover();
        }
        Task first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        for (Task task : batch) {
          if (task.command() != null) {
            process(task, sideEffects);
          } else {
            query(task, sideEffects);
          }
        }
        publishIdentities();
        commit(List.copyOf(batch), List.copyOf(sideEffects));
        sideEffects.clear();
        batch.clear();
        afterBatch();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable t) {
        LOG.error("engine processor loop failed", t);
      }
    }
  }

  /**
   * The commit point: the batch's side effects run once its events are durable. When the log cannot
   * write them, every command of the batch answers 503 instead, and the loop rebuilds the state from
   * what is durable before its next batch.
   */
  private void commit(List<Task> batch, List<Runnable> sideEffects) {
    log.commit(
        () -> sideEffects.forEach(Processor::runSafely),
        e -> {
          LOG.error("{}; the {} commands of this batch are answered 503 and leave no trace", e.getMessage(), batch.size());
          Rejection unavailable = new Rejection(Rejection.Type.UNAVAILABLE, "The engine cannot write its event log: " + e.getMessage());
          batch.forEach(task -> task.result().completeExceptionally(unavailable));
        });
  }

  /**
   * On close, hands the log a snapshot of the state, encoded here, so that the next start replays
   * nothing (the periodic ones the log builds in the background); the time it takes is logged.
   */
  private void snapshot() {
    long start = System.nanoTime();
    try {
      log.snapshot(state);
    } catch (RuntimeException e) {
      LOG.error("a snapshot of the engine state failed; the event log keeps every event since the last one", e);
      return;
    }
    LOG.info("snapshot of the engine state taken in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** After a failed commit: the state of the durable events only; the batches in flight answered 503. */
  private void recover() {
    state.clear();
    try {
      log.recover(state, applier::apply);
    } catch (LogUnavailableException e) {
      LOG.error("the engine's state cannot be rebuilt from its event log ({}); restart the engine", e.getMessage());
    }
    publishIdentities();
  }

  /**
   * The identities as the last batch left them, for authentication and tenant checks on network
   * threads: never a state in the middle of a command or of its undoing.
   */
  public Identities identities() {
    return identityView;
  }

  /** Copies the live identities when they changed or were replaced; between batches only. */
  private void publishIdentities() {
    Identities live = state.identities();
    if (live != identitySource | live.takeChanged()) { // both sides run: the flag is reset either way
      identitySource = live;
      identityView = live.copy();
    }
  }

  private void process(Task task, List<Runnable> sideEffects) {
    ctx.reset();
    ctx.begin(clock.millis());
    try {
      Object value = handler.process(ctx, task.command());
      ctx.runFollowUps();
      if (state.keyCursor() > state.lastKey()) {
        ctx.emit(new KeysIssued(state.keyCursor()));
      }
      log.append(ctx.events());
      sideEffects.addAll(ctx.sideEffects());
      sideEffects.add(() -> task.result().complete(value));
      notifiedTypes.addAll(ctx.availableJobTypes());
    } catch (Rejection rejection) {
      undo();
      sideEffects.add(() -> task.result().completeExceptionally(rejection));
    } catch (Throwable t) {
      LOG.error("command {} failed; the engine's state is as it was before the command", task.command(), t);
      undo();
      sideEffects.add(() -> task.result().completeExceptionally(t));
    }
  }

  /** Takes back what the current command did: its keys, and its events by rebuilding the state from the log. */
  private void undo() {
    if (ctx.events().isEmpty()) {
      state.discardUnissuedKeys();
      return;
    }
    rebuild();
  }

  private void rebuild() {
    state.clear();
    try {
      log.replay(state, applier::apply);
    } catch (LogUnavailableException e) {
      LOG.error("the engine's state cannot be rebuilt from its event log ({}); restart the engine", e.getMessage());
    }
  }

  private void query(Task task, List<Runnable> sideEffects) {
    try {
      Object value = task.query().apply(state);
      sideEffects.add(() -> task.result().complete(value));
    } catch (Throwable t) {
      LOG.error("a read of the engine state failed", t);
      sideEffects.add(() -> task.result().completeExceptionally(t));
    }
  }

  /**
   * Replays the log (its snapshot and the events after it) into empty state and hands {@code
   * compare} the live and the replayed state, in one task on the processor thread so no command runs
   * in between. Each event passes {@code through} on its way, e.g. the codec of the durable log. For
   * the check that the log alone rebuilds the state.
   */
  public <T> CompletableFuture<T> compareWithReplay(
      UnaryOperator<EngineEvent> through, BiFunction<EngineState, EngineState, T> compare) {
    return read(
        live -> {
          EngineState replayed = new EngineState();
          EventApplier replayApplier = new EventApplier(replayed);
          log.replay(replayed, event -> replayApplier.apply(through.apply(event)));
          return compare.apply(live, replayed);
        });
  }

  /** Wakes parked activations for jobs the batch made available (their replies wait for their own commit) and the timer. */
  private void afterBatch() {
    if (!notifiedTypes.isEmpty()) {
      Set<String> types = new LinkedHashSet<>(notifiedTypes);
      notifiedTypes.clear();
      onJobsAvailable.accept(types);
    }
    scheduleNextTick();
  }

  /** Wakes the processor when the next job deadline or backoff falls due on the engine clock. */
  private void scheduleNextTick() {
    long stateDue = state.nextDueTime();
    long otherDue = alsoDueAt.getAsLong();
    long due = stateDue < 0 ? otherDue : otherDue < 0 ? stateDue : Math.min(stateDue, otherDue);
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
    nextTick = schedule(() -> submit(new Command.ProcessDueWork()), Math.max(0, due - clock.millis()));
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
    if (!thread.isAlive() && log.snapshotDueOnClose()) {
      snapshot(); // the next start restores it and replays nothing
    }
    log.close();
  }
}
