package org.camunda4j.engine.internal.log;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A log's newest snapshot and the events after it, with the next snapshot built on a thread of its
 * own so that commands never wait for one: once enough events follow the snapshot ({@link #interval()}), that
 * thread reads the snapshot back into a state of its own, applies the events to it and writes the
 * result as the next snapshot, which then replaces the snapshot and those events. The processor's
 * state is never touched (it goes on changing meanwhile); what this costs is a second application
 * of each event, on this thread, and a second state while one is built.
 *
 * <p>Events handed in must not change afterwards (the processor's never do: the durable log encodes
 * them on its writer thread too), and neither must what the state takes from them.
 */
final class BackgroundSnapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundSnapshots.class);

  /** A snapshot and the position of the last event it covers (positions count events from the log's start). */
  record Snapshot(byte[] bytes, long position) {}

  /**
   * The newest snapshot (null when there is none yet) and the events after it, oldest first; with
   * the parsed processes the snapshot refers to, so that reading it back need not transform them again.
   */
  record Current(@Nullable Snapshot snapshot, List<EngineEvent> events, Map<Long, ProcessDefinition> deployed) {}

  /** The snapshot size up to which a build starts every {@code every} events. */
  static final long SIZE_PER_INTERVAL = 4L << 20;

  private final SnapshotCodec codec;
  private final int every;
  private final Consumer<Snapshot> onBuilt;
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "camunda4j-snapshot-builder");
            thread.setDaemon(true);
            return thread;
          });

  // guarded by this
  private @Nullable Snapshot snapshot;
  private long position;
  private final ArrayList<EngineEvent> events = new ArrayList<>();
  private Map<Long, ProcessDefinition> deployed = Map.of();
  private boolean building;
  /** Counts the {@link #reset}s, so that a build started before one is dropped. */
  private long generation;
  /** After a failed build, the next waits for as many events again rather than failing in a loop. */
  private int failedWith = -1;

  /**
   * @param onBuilt gets each snapshot built, on the builder thread, after it became the current one
   */
  BackgroundSnapshots(SnapshotCodec codec, int every, Consumer<Snapshot> onBuilt) {
    this.codec = codec;
    this.every = every;
    this.onBuilt = onBuilt;
  }

  /** Starts over from what a log holds: its newest snapshot (or none, at {@code position} 0) and the events after it. */
  synchronized void reset(@Nullable Snapshot from, List<EngineEvent> after, Collection<ProcessDefinition> definitions) {
    generation++;
    snapshot = from;
    position = (from == null ? 0 : from.position()) + after.size();
    events.clear();
    events.addAll(after);
    deployed = byKey(definitions);
    failedWith = -1;
    startIfDue();
  }

  /** Adds events that are now part of the log, in order; starts the next build when enough have come. */
  synchronized void add(List<EngineEvent> batch) {
    events.addAll(batch);
    position += batch.size();
    startIfDue();
  }

  synchronized Current current() {
    return new Current(snapshot, List.copyOf(events), deployed);
  }

  /** The position of the last event added. */
  synchronized long position() {
    return position;
  }

  private void startIfDue() {
    long interval = interval();
    if (building || events.size() < interval || (failedWith >= 0 && events.size() < failedWith + interval)) {
      return;
    }
    building = true;
    Snapshot base = snapshot;
    List<EngineEvent> batch = List.copyOf(events);
    long upTo = position;
    long startedIn = generation;
    Map<Long, ProcessDefinition> known = deployed;
    try {
      builder.execute(() -> build(startedIn, base, batch, upTo, known));
    } catch (RejectedExecutionException closed) {
      building = false;
    }
  }

  /**
   * Events between two builds: {@code every}, and proportionally more once the snapshot is larger
   * than {@link #SIZE_PER_INTERVAL}. A build reads and writes the whole state, so a fixed interval
   * over a large state (ended instances kept for search) spent more CPU building snapshots than
   * processing commands; growing the interval with the state bounds the building per event, and
   * the replay after a crash grows only as the snapshot read does already.
   */
  private long interval() {
    long bytes = snapshot == null ? 0 : snapshot.bytes().length;
    return Math.max(every, every * bytes / SIZE_PER_INTERVAL);
  }

  private void build(long startedIn, @Nullable Snapshot base, List<EngineEvent> batch, long upTo, Map<Long, ProcessDefinition> known) {
    long started = System.nanoTime();
    Snapshot built;
    Map<Long, ProcessDefinition> definitions;
    try {
      EngineState state = new EngineState();
      if (base != null) {
        state.restore(codec.read(base.bytes(), known));
      }
      long read = System.nanoTime();
      EventApplier applier = new EventApplier(state);
      batch.forEach(applier::apply);
      long applied = System.nanoTime();
      built = new Snapshot(codec.write(state), upTo);
      definitions = byKey(state.definitions());
      LOG.info(
          "snapshot of the engine state at event {} built in the background in {} ms (read {} ms, {} events applied in {} ms, written"
              + " {} ms, {} KB); commands did not wait for it",
          upTo, (System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000, batch.size(), (applied - read) / 1_000_000,
          (System.nanoTime() - applied) / 1_000_000, built.bytes().length / 1024);
    } catch (RuntimeException e) {
      LOG.error("a snapshot of the engine state could not be built; the log keeps every event since the last one", e);
      synchronized (this) {
        building = false;
        failedWith = startedIn == generation ? events.size() : -1;
      }
      return;
    }
    synchronized (this) {
      building = false;
      if (startedIn != generation) {
        startIfDue();
        return; // the log started over meanwhile; what this built may not be the log's any more
      }
      snapshot = built;
      events.subList(0, batch.size()).clear();
      deployed = definitions;
      startIfDue();
    }
    onBuilt.accept(built);
  }

  private static Map<Long, ProcessDefinition> byKey(Collection<ProcessDefinition> definitions) {
    Map<Long, ProcessDefinition> byKey = new HashMap<>();
    definitions.forEach(d -> byKey.put(d.key(), d));
    return byKey;
  }

  /** Stops building; a build under way is dropped. */
  @Override
  public synchronized void close() {
    generation++;
    builder.shutdownNow();
  }
}
