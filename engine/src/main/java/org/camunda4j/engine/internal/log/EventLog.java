package org.camunda4j.engine.internal.log;

import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;

/**
 * The engine's events in the order they were applied. The processor appends each command's events
 * when the command succeeds and commits once per batch, before any reply of the batch leaves; a
 * replay of the log into empty state rebuilds the state, which is how a failed command is undone.
 */
public interface EventLog extends AutoCloseable {

  /** Adds the events of one successful command. */
  void append(List<EngineEvent> events);

  /**
   * Makes everything appended so far as durable as this log can (group commit: once per batch).
   *
   * @throws LogUnavailableException when it cannot; then nothing appended since the last commit is kept
   */
  void commit();

  /**
   * Feeds every event, oldest first, to {@code applier}: the committed ones, then those appended
   * since; returns false, feeding nothing, when this log no longer holds the whole history.
   *
   * @throws LogUnavailableException when the log cannot be read
   */
  boolean replay(Consumer<EngineEvent> applier);

  @Override
  void close();
}
