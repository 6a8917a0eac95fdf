package org.camunda4j.engine.internal.log;

import java.util.List;
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * The engine's events in the order they were applied. The processor appends each command's events
 * when the command succeeds and commits once per batch; the batch's replies are sent from {@code
 * onDurable}, so none leaves before its events are durable. A replay of the log into empty state
 * rebuilds the state, which is how a failed command is undone. A log keeps a snapshot of the state
 * and only the events after it, so neither a rebuild nor the log grows with the whole history; it
 * builds the next snapshot in the background, so commands never wait for one.
 *
 * <p>A log may make batches durable in the background while the processor goes on with the next
 * (group commit, pipelined): commits complete in the order they were made. Once one fails, the log
 * is {@linkplain #failed() failed}: every batch committed after it fails too, until the processor
 * has rebuilt its state from what is durable ({@link #recover}).
 */
public interface EventLog extends AutoCloseable {

  /** Adds the events of one successful command. */
  void append(List<EngineEvent> events);

  /**
   * Makes everything appended since the last commit durable, then runs {@code onDurable}; or, when
   * it cannot, keeps none of it and runs {@code onFailure}. Either runs exactly once, perhaps on
   * another thread, in commit order.
   */
  void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure);

  /**
   * Rebuilds {@code state}, which must be empty: restores the newest snapshot into it, if the log
   * has one, and feeds every event after it to {@code applier}, oldest first: the durable ones, then
   * those committed or appended since. Waits for the commits in flight first.
   *
   * @throws LogUnavailableException when the log cannot be read
   */
  void replay(EngineState state, Consumer<EngineEvent> applier);

  /** True once a commit failed and {@link #recover} has not run since. */
  boolean failed();

  /**
   * After a failed commit: waits for the commits in flight (they fail), drops everything not
   * durable and rebuilds {@code state} (empty) from what is durable, as {@link #replay} does; then
   * takes commits again.
   */
  void recover(EngineState state, Consumer<EngineEvent> applier);

  /**
   * Whether the processor, closing, should hand the log a {@link #snapshot}: events were appended
   * since the last snapshot and this log keeps them across a restart. The periodic snapshots are the
   * log's own business, built off the processor thread.
   */
  boolean snapshotDueOnClose();

  /**
   * Records {@code state}, which reflects every event appended so far, as the log's newest
   * snapshot; the events it covers are no longer needed to rebuild the state, and the log drops
   * them. Encodes the state before it returns (so the processor may go on changing it).
   */
  void snapshot(EngineState state);

  /** Commits what was appended and waits until it is durable. */
  default void commitAndWait() {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    commit(() -> done.complete(null), done::completeExceptionally);
    try {
      done.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof LogUnavailableException unavailable ? unavailable : e;
    }
  }

  @Override
  void close();
}
