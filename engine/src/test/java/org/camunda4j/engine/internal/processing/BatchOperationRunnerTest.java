package org.camunda4j.engine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.camunda4j.engine.internal.log.EventCodec;
import org.camunda4j.engine.internal.log.InMemoryEventLog;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.log.SqliteEventLog;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How batches run: suspended, resumed and canceled between their items, and picked up again after
 * a restart. Over HTTP the race between a
 * running batch and the call that holds it cannot be won on purpose, so these run on the
 * engine's operations: while the processor is held, the batch is created and the call is chained
 * to its creation, so the call is queued in the same turn that commits the creation and at most
 * the first item is processed before it.
 */
class BatchOperationRunnerTest {

  private static final BatchOperation.Actor ANONYMOUS = new BatchOperation.Actor("ANONYMOUS", null);

  private EngineOperations engine = new EngineOperations(new ControlledClock(), Duration.ofSeconds(1), HistoryRetention.KEEP_ALL, t -> new InMemoryEventLog(new SnapshotCodec(t)));

  private static EngineOperations durable(Path directory) {
    return new EngineOperations(new ControlledClock(), Duration.ofSeconds(1), HistoryRetention.KEEP_ALL, t -> SqliteEventLog.open(directory, new EventCodec(t)));
  }

  /** Blocks the processor thread (a read that waits) until {@code release} opens or the engine is closed. */
  private void hold(CountDownLatch held, CountDownLatch release) {
    engine.read(state -> {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
  }

  @AfterEach
  void close() {
    assertThat(engine.replayMismatch()).isNull();
    engine.close();
  }

  private List<Long> startInstances(int count) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/single-service-task.bpmn")) {
      engine.deploy(List.of(new DeploymentResource("single-service-task.bpmn", in.readAllBytes())), "<default>").join();
    }
    return IntStream.range(0, count)
        .mapToObj(i -> engine.createById("single-service-task", -1, new NewInstance(null, List.of(), null)).join().processInstanceKey())
        .toList();
  }

  private static List<BatchOperation.ItemRef> activeInstances(EngineState state) {
    return state.processInstances().stream()
        .filter(p -> p.state().equals("ACTIVE"))
        .map(p -> new BatchOperation.ItemRef(p.key(), p.key()))
        .toList();
  }

  /** Creates a cancellation batch over every active instance and, right as it is committed, does {@code then} with its key. */
  private long createThen(java.util.function.LongFunction<CompletableFuture<Void>> then) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    hold(held, release);
    held.await();
    CompletableFuture<Long> done =
        engine.createBatchOperation(BatchOperation.Type.CANCEL_PROCESS_INSTANCE, List.of(), ANONYMOUS, BatchOperationRunnerTest::activeInstances)
            .thenCompose(key -> then.apply(key).thenApply(ignored -> key));
    release.countDown();
    return done.join();
  }

  private BatchOperation batch(long key) {
    return engine.read(state -> state.batchOperation(key).orElseThrow()).join();
  }

  private long awaitEnded(long key) throws InterruptedException {
    for (int i = 0; i < 1000 && !batch(key).state().isFinal(); i++) {
      Thread.sleep(10);
    }
    return key;
  }

  @Test
  void aSuspendedBatchHoldsItsItemsUntilItIsResumed() throws Exception {
    startInstances(5);

    long key = createThen(engine::suspendBatchOperation);

    BatchOperation suspended = batch(key);
    assertThat(suspended.state()).isEqualTo(BatchOperation.State.SUSPENDED);
    long processed = suspended.items().size() - suspended.count(BatchOperation.ItemState.ACTIVE);
    assertThat(processed).as("at most the item queued with the suspension").isLessThanOrEqualTo(1);
    Thread.sleep(100);
    assertThat(batch(key).count(BatchOperation.ItemState.ACTIVE)).as("nothing moves while suspended").isEqualTo(5 - processed);

    engine.resumeBatchOperation(key).join();

    BatchOperation done = batch(awaitEnded(key));
    assertThat(done.state()).isEqualTo(BatchOperation.State.COMPLETED);
    assertThat(done.count(BatchOperation.ItemState.COMPLETED)).isEqualTo(5);
    assertThat(engine.read(state -> activeInstances(state).size()).join()).isZero();
  }

  @Test
  void aCanceledBatchCancelsTheItemsItHasNotProcessed() throws Exception {
    List<Long> instances = startInstances(5);

    long key = createThen(engine::cancelBatchOperation);

    BatchOperation canceled = batch(key);
    assertThat(canceled.state()).isEqualTo(BatchOperation.State.CANCELED);
    assertThat(canceled.endDate()).isPositive();
    assertThat(canceled.count(BatchOperation.ItemState.CANCELED)).isGreaterThanOrEqualTo(4);
    assertThat(canceled.count(BatchOperation.ItemState.ACTIVE)).isZero();
    Thread.sleep(100);
    assertThat(engine.read(state -> activeInstances(state).size()).join())
        .as("the canceled items' instances go on")
        .isEqualTo((int) canceled.count(BatchOperation.ItemState.CANCELED));
    assertThat(instances).hasSize(5);
  }

  @Test
  void aBatchThatWasActiveWhenTheEngineStoppedGoesOnAfterARestart(@TempDir Path directory) throws Exception {
    engine.close();
    engine = durable(directory);
    startInstances(5);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stoppedAfterCreation = new CountDownLatch(1);
    hold(held, release);
    held.await();
    CompletableFuture<Long> created =
        engine.createBatchOperation(BatchOperation.Type.CANCEL_PROCESS_INSTANCE, List.of(), ANONYMOUS, BatchOperationRunnerTest::activeInstances);
    created.thenRun(() -> hold(stoppedAfterCreation, new CountDownLatch(1))); // held for good in the turn that commits it
    release.countDown();
    long key = created.join();
    stoppedAfterCreation.await();
    engine.close(); // at most the first item was processed

    engine = durable(directory);

    BatchOperation done = batch(awaitEnded(key));
    assertThat(done.state()).isEqualTo(BatchOperation.State.COMPLETED);
    assertThat(done.count(BatchOperation.ItemState.COMPLETED)).isEqualTo(5);
    assertThat(engine.read(state -> activeInstances(state).size()).join()).isZero();
  }
}
