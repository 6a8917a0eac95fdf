package org.camunda4j.engine.internal.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.EventApplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second copy of the engine state, the shadow, kept up to date on a thread of its own from the
 * events a log takes, so that snapshots are written without the processor ever waiting: the shadow
 * is written as the next snapshot once enough events went into it since the last one ({@link
 * #interval()}; never, when {@code every} is 0), and on demand ({@link #current()}) as the base a
 * failed command is undone from. The processor's state is never touched (it goes on changing
 * meanwhile).
 *
 * <p>Events are applied in chunks: a chunk waits until {@link #CHUNK} events came, so the shadow's thread wakes once per chunk rather than once per command. What this
 * costs is a second application of each event, on that thread, and a second state in memory. It
 * replaced a builder that read the previous snapshot back into a fresh state for every build: that
 * read, and a snapshot written every 100,000 events in memory, took half the engine's CPU under load.
 *
 * <p>Events handed in must not change afterwards (the processor's never do: the durable log encodes
 * them on its writer thread too), and neither must what the state takes from them.
 */
final class BackgroundSnapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundSnapshots.class);

  /** A snapshot and the position of the last event it covers (positions count events from the log's start). */
  record Snapshot(byte[] bytes, long position) {}

  /**
   * A snapshot (null: the log's start) and the events after it, oldest first; with the parsed
   * processes the snapshot refers to, so that reading it back need not transform them again.
   */
  record Current(@Nullable Snapshot snapshot, List<EngineEvent> events, Map<Long, ProcessDefinition> deployed) {}

  /** The snapshot size up to which one is written every {@code every} events. */
  static final long SIZE_PER_INTERVAL = 4L << 20;

  /** Events that wait before the shadow takes them. */
  static final int CHUNK = 4096;

  private final SnapshotCodec codec;
  private final int every;
  private final int chunk;
  private final Consumer<Snapshot> onBuilt;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "camunda4j-snapshot-builder");
            thread.setDaemon(true);
            return thread;
          });

  // guarded by this
  private List<EngineEvent> pending = new ArrayList<>();
  private long position;
  private boolean applyQueued;
  /** Counts the {@link #reset}s, so that work queued before one is dropped. */
  private long generation;

  // the shadow's thread only
  private EngineState shadow = new EngineState();
  private EventApplier applier = new EventApplier(shadow);
  private long shadowPosition;
  private long appliedSinceWritten;
  private int lastWrittenBytes;
  /** After a failed write, the next waits for as many events again rather than failing in a loop. */
  private boolean writeFailed;

  /**
   * @param every events between two snapshots written (more for a large state); 0 writes only on demand
   * @param chunk events that wait before the shadow takes them ({@link #CHUNK})
   * @param onBuilt gets each snapshot written every so many events, on the shadow's thread
   */
  BackgroundSnapshots(SnapshotCodec codec, int every, int chunk, Consumer<Snapshot> onBuilt) {
    this.codec = codec;
    this.every = every;
    this.chunk = every > 0 ? Math.min(chunk, every) : chunk; // a chunk never outgrows the interval
    this.onBuilt = onBuilt;
  }

  /** Starts over from what a log holds: its newest snapshot (or none, at {@code position} 0) and the events after it. */
  synchronized void reset(@Nullable Snapshot from, List<EngineEvent> after, Collection<ProcessDefinition> definitions) {
    Map<Long, ProcessDefinition> known = byKey(definitions);
    generation++;
    pending = new ArrayList<>(after);
    position = (from == null ? 0 : from.position()) + after.size();
    applyQueued = false;
    run(() -> {
      EngineState state = new EngineState();
      if (from != null) {
        state.restore(codec.read(from.bytes(), known));
        lastWrittenBytes = from.bytes().length;
      }
      shadow = state;
      applier = new EventApplier(state);
      shadowPosition = from == null ? 0 : from.position();
      appliedSinceWritten = 0;
      writeFailed = false;
    });
    applyIfDue();
  }

  /** Adds events that are now part of the log, in order; the shadow takes them once a chunk is full. */
  synchronized void add(List<EngineEvent> batch) {
    pending.addAll(batch);
    position += batch.size();
    applyIfDue();
  }

  /**
   * The shadow written as a snapshot now, and the events the shadow has not taken yet: together,
   * every event. Waits for the shadow's thread.
   */
  Current current() {
    while (true) {
      long askedIn;
      synchronized (this) {
        askedIn = generation;
      }
      CompletableFuture<@Nullable Current> current = new CompletableFuture<>();
      boolean queued = run(() -> {
        try {
          List<EngineEvent> after;
          synchronized (this) {
            if (askedIn != generation) {
              current.complete(null); // a reset came in between: the shadow is not yet the new log's
              return;
            }
            after = List.copyOf(pending);
          }
          Snapshot snapshot = shadowPosition == 0 ? null : new Snapshot(codec.write(shadow), shadowPosition);
          current.complete(new Current(snapshot, after, byKey(shadow.definitions())));
        } catch (RuntimeException e) {
          current.completeExceptionally(e);
        }
      });
      if (!queued) {
        throw new IllegalStateException("the engine state's shadow is stopped");
      }
      try {
        Current answer = current.join();
        if (answer != null) {
          return answer;
        }
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  /** The position of the last event added. */
  synchronized long position() {
    return position;
  }

  private void applyIfDue() {
    if (applyQueued || pending.size() < chunk) {
      return;
    }
    applyQueued = true;
    long queuedIn = generation;
    run(() -> apply(queuedIn));
  }

  /** On the shadow's thread: takes the waiting events, then writes a snapshot if one is due. */
  private void apply(long queuedIn) {
    List<EngineEvent> chunk;
    synchronized (this) {
      if (queuedIn != generation) {
        return; // queued before a reset: the reset's own state comes first
      }
      applyQueued = false;
      chunk = pending;
      pending = new ArrayList<>();
    }
    try {
      chunk.forEach(applier::apply);
    } catch (RuntimeException e) {
      // a bug: the processor applied the same events. The shadow no longer matches the log, so it stops.
      LOG.error("the engine state's shadow could not take an event; no snapshot is written until the engine restarts", e);
      close();
      return;
    }
    shadowPosition += chunk.size();
    appliedSinceWritten += chunk.size();
    if (every > 0 && appliedSinceWritten >= interval() * (writeFailed ? 2 : 1)) {
      write();
    }
  }

  /**
   * Events between two snapshots written: {@code every}, and proportionally more once the snapshot
   * is larger than {@link #SIZE_PER_INTERVAL}, which bounds the writing per event over a large state
   * (ended instances kept for search); the replay after a crash grows only as the snapshot read does
   * already.
   */
  private long interval() {
    return Math.max(every, every * (long) lastWrittenBytes / SIZE_PER_INTERVAL);
  }

  private void write() {
    long started = System.nanoTime();
    Snapshot built;
    try {
      built = new Snapshot(codec.write(shadow), shadowPosition);
    } catch (RuntimeException e) {
      LOG.error("a snapshot of the engine state could not be written; the log keeps every event since the last one", e);
      writeFailed = true;
      return;
    }
    writeFailed = false;
    appliedSinceWritten = 0;
    lastWrittenBytes = built.bytes().length;
    LOG.info(
        "snapshot of the engine state at event {} written in the background in {} ms ({} KB); commands did not wait for it",
        built.position(), (System.nanoTime() - started) / 1_000_000, built.bytes().length / 1024);
    onBuilt.accept(built);
  }

  /** Queues {@code task} on the shadow's thread; false once it is stopped. */
  private boolean run(Runnable task) {
    try {
      thread.execute(task);
      return true;
    } catch (RejectedExecutionException stopped) {
      return false;
    }
  }

  private static Map<Long, ProcessDefinition> byKey(Collection<ProcessDefinition> definitions) {
    Map<Long, ProcessDefinition> byKey = new HashMap<>();
    definitions.forEach(d -> byKey.put(d.key(), d));
    return byKey;
  }

  /** Stops the shadow; a snapshot under way is dropped. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
