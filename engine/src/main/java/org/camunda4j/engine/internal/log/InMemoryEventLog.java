package org.camunda4j.engine.internal.log;

import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * The log of an engine that keeps nothing on disk, there so that a failed command can be undone by
 * a rebuild; a commit is done at once. The events go into a second copy of the state kept on a
 * thread of its own ({@link BackgroundSnapshots}, which writes no snapshot unless asked), so the log
 * holds that state and at most a few thousand events, and commands never wait for it. A rebuild
 * reads that copy as a snapshot and applies the events it has not taken yet.
 */
public final class InMemoryEventLog implements EventLog {

  private final SnapshotCodec snapshots;
  private final BackgroundSnapshots shadow;

  public InMemoryEventLog(SnapshotCodec snapshots) {
    this(snapshots, BackgroundSnapshots.CHUNK);
  }

  /**
   * As {@link #InMemoryEventLog(SnapshotCodec)}, with the copy taking the events once {@code chunk}
   * wait: a small chunk makes a rebuild start from a snapshot even in a short test.
   */
  public InMemoryEventLog(SnapshotCodec snapshots, int chunk) {
    this.snapshots = snapshots;
    this.shadow = new BackgroundSnapshots(snapshots, 0, chunk, built -> {});
  }

  @Override
  public void append(List<EngineEvent> batch) {
    shadow.add(batch); // "committed" at once: nothing to make durable
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    onDurable.run(); // nothing to make durable
  }

  @Override
  public void replay(EngineState state, Consumer<EngineEvent> applier) {
    BackgroundSnapshots.Current log = shadow.current();
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

  /** The state's copy as a snapshot, and the events it has not taken yet. */
  BackgroundSnapshots.Current current() {
    return shadow.current();
  }

  /** How many events the log has taken. */
  long position() {
    return shadow.position();
  }

  @Override
  public void close() {
    shadow.close();
  }
}
