package org.camunda4j.engine.internal.processing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;

/**
 * Runs batch operations in the background: after the command that created or resumed a batch is
 * committed, it submits one {@link Command.ProcessBatchItem} after the other, each when the one
 * before is committed, and records an item whose command was rejected with {@link
 * Command.FailBatchItem}. The chain runs on the processor's own completions (submitting only
 * queues), so no other thread is needed. At start it picks up every batch a restart interrupted.
 */
final class BatchOperationRunner {

  private final Processor processor;

  BatchOperationRunner(Processor processor) {
    this.processor = processor;
  }

  /** Continues the batch once {@code step} (its creation, resumption or last item) is committed. */
  void follow(CompletableFuture<BatchProgress> step) {
    step.thenAccept(progress -> {
      if (progress.hasNext()) {
        process(progress);
      }
    });
  }

  /** Every ACTIVE batch of {@code state} (rebuilt from the log at start) goes on with its next item. */
  void resumeInterrupted(EngineState state) {
    for (BatchOperation batch : state.batchOperations()) {
      if (batch.state() == BatchOperation.State.ACTIVE) {
        batch.nextPending().ifPresent(item -> process(new BatchProgress(batch.key(), item.itemKey())));
      }
    }
  }

  private void process(BatchProgress progress) {
    CompletableFuture<BatchProgress> done =
        processor.submit(new Command.ProcessBatchItem(progress.batchOperationKey(), progress.nextItemKey()));
    done.whenComplete((next, error) -> {
      if (error == null) {
        follow(done);
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof Rejection rejection
          && (rejection.type() == Rejection.Type.UNAVAILABLE || rejection.type() == Rejection.Type.RESOURCE_EXHAUSTED)) {
        return; // the engine cannot take it now; the next start resumes the batch
      }
      if (cause instanceof IllegalStateException && !processor.isRunning()) {
        return; // the engine stopped
      }
      follow(processor.submit(new Command.FailBatchItem(progress.batchOperationKey(), progress.nextItemKey(), cause.getMessage())));
    });
  }
}
