package org.camunda4j.engine.internal.log;

import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * The log of an engine that keeps nothing on disk, there so that a failed command can be undone by
 * a rebuild: the newest snapshot of the state, as bytes, and the events after it; a commit is done
 * at once. Once {@code snapshotEvery} events follow the snapshot, the next one is built in the
 * background ({@link BackgroundSnapshots}) and the events it covers go, so the log holds about one
 * encoded state and that many events, and commands never wait for a snapshot.
 */
public final class InMemoryEventLog implements EventLog {

  private final SnapshotCodec snapshots;
  private final BackgroundSnapshots current;

  public InMemoryEventLog(int snapshotEvery, SnapshotCodec snapshots) {
    this.snapshots = snapshots;
    this.current = new BackgroundSnapshots(snapshots, snapshotEvery, built -> {});
  }

  @Override
  public void append(List<EngineEvent> batch) {
    current.add(batch); // "committed" at once: nothing to make durable
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    onDurable.run(); // nothing to make durable
  }

  @Override
  public void replay(EngineState state, Consumer<EngineEvent> applier) {
    BackgroundSnapshots.Current log = current.current();
    if (log.snapshot() != null) {
      state.restore(snapshots.read(log.snapshot().bytes(), log.deployed()));
    }
    log.events().forEach(applier);
  }

  @Override
  public boolean failed() {
    return false; // a commit cannot fail
  }

  @Override
  public void recover(EngineState state, Consumer<EngineEvent> applier) {
    replay(state, applier);
  }

  @Override
  public boolean snapshotDueOnClose() {
    return false; // nothing is kept across a restart
  }

  @Override
  public void snapshot(EngineState state) {
    throw new UnsupportedOperationException("an in-memory log builds its snapshots itself");
  }

  /** The newest snapshot and the events after it. */
  BackgroundSnapshots.Current current() {
    return current.current();
  }

  /** How many events the log has taken. */
  long position() {
    return current.position();
  }

  @Override
  public void close() {
    current.close();
  }
}
