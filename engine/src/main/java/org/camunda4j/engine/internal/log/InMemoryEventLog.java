package org.camunda4j.engine.internal.log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * The log of an engine that keeps nothing on disk, there so that a failed command can be undone by
 * a rebuild: the newest snapshot of the state, as bytes, and the events after it; a commit is done
 * at once. Once {@code snapshotEvery} events follow the snapshot, the processor takes a new one and
 * the events before it go, so the log holds at most one encoded state and that many events.
 */
public final class InMemoryEventLog implements EventLog {

  private final int snapshotEvery;
  private final SnapshotCodec snapshots;
  private final List<EngineEvent> events = new ArrayList<>();
  private byte[] snapshot;

  public InMemoryEventLog(int snapshotEvery, SnapshotCodec snapshots) {
    this.snapshotEvery = snapshotEvery;
    this.snapshots = snapshots;
  }

  @Override
  public void append(List<EngineEvent> batch) {
    events.addAll(batch);
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    onDurable.run(); // nothing to make durable
  }

  @Override
  public void replay(EngineState state, Consumer<EngineEvent> applier) {
    if (snapshot != null) {
      state.restore(snapshots.read(snapshot));
    }
    events.forEach(applier);
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
  public boolean snapshotDue(boolean closing) {
    return events.size() >= snapshotEvery; // on close there is nothing to keep
  }

  @Override
  public void snapshot(EngineState state) {
    snapshot = snapshots.write(state);
    events.clear();
  }

  @Override
  public void close() {
    events.clear();
    snapshot = null;
  }
}
