package org.camunda4j.engine.internal.processing;

import java.util.List;
import org.camunda4j.engine.internal.record.EngineEvent.ProcessInstancesRemoved;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Removes ended process instances as the {@link HistoryRetention} says, as part of the due work the
 * processor runs in the background: at most {@link #MAX_PER_COMMAND} instances per command, so no
 * client's command waits long behind a removal; the next tick takes the rest.
 */
final class HistoryRemoval {

  static final int MAX_PER_COMMAND = 1_000;

  private final EngineState state;
  private final HistoryRetention retention;

  HistoryRemoval(EngineState state, HistoryRetention retention) {
    this.state = state;
    this.retention = retention;
  }

  /** When the next removal falls due on the engine clock: at once when over the count limit; -1 when none will. */
  long dueAt() {
    if (state.endedInstanceCount() > retention.maxInstances()) {
      return 0;
    }
    if (retention.retention() == null || state.endedInstanceCount() == 0) {
      return -1;
    }
    return state.firstEndTime() + retention.retention().toMillis();
  }

  /** Removes the ended instances that are due, the oldest first, up to {@link #MAX_PER_COMMAND}. */
  void removeDue(ProcessingContext ctx) {
    int excess = state.endedInstanceCount() - retention.maxInstances();
    int byCount = excess > 0 ? excess + retention.maxInstances() / 20 : 0;
    long endedBy = retention.retention() == null ? Long.MIN_VALUE : ctx.now() - retention.retention().toMillis();
    List<Long> keys = state.oldestEndedInstances(byCount, endedBy, MAX_PER_COMMAND);
    if (!keys.isEmpty()) {
      ctx.emit(new ProcessInstancesRemoved(keys));
    }
  }
}
