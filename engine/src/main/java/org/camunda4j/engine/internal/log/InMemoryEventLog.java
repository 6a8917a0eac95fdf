package org.camunda4j.engine.internal.log;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of an engine that keeps nothing on disk: the events in a list, so that a failed command
 * can be undone by replay; a commit is done at once. It holds at most {@code capacity} events;
 * beyond that it forgets its history (and says so once) rather than grow without bound, and a
 * failed command can no longer be undone.
 */
public final class InMemoryEventLog implements EventLog {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryEventLog.class);

  private final int capacity;
  private final List<EngineEvent> events = new ArrayList<>();
  private boolean complete = true;

  public InMemoryEventLog(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public void append(List<EngineEvent> batch) {
    if (!complete) {
      return;
    }
    if (events.size() + batch.size() > capacity) {
      LOG.warn(
          "the in-memory event log reached {} events and forgets its history: a command that fails from now on cannot be undone",
          capacity);
      events.clear();
      complete = false;
      return;
    }
    events.addAll(batch);
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    onDurable.run(); // nothing to make durable
  }

  @Override
  public boolean replay(Consumer<EngineEvent> applier) {
    if (!complete) {
      return false;
    }
    events.forEach(applier);
    return true;
  }

  @Override
  public boolean failed() {
    return false; // a commit cannot fail
  }

  @Override
  public void recover(Consumer<EngineEvent> applier) {
    replay(applier);
  }

  @Override
  public void close() {
    events.clear();
  }
}
