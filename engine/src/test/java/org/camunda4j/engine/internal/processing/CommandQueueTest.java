package org.camunda4j.engine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.log.InMemoryEventLog;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.processing.Command.BroadcastSignal;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.KeyRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command queue is bounded: beyond it a client's command is refused at once with RESOURCE_EXHAUSTED. */
class CommandQueueTest {

  private final CountDownLatch busy = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final Processor processor =
      new Processor(
          new EngineState(),
          new ControlledClock(),
          new InMemoryEventLog(new SnapshotCodec(new BpmnTransformer(new Feel(System::currentTimeMillis)))),
          (ctx, command) -> {
            if (command instanceof BroadcastSignal signal && signal.signalName().equals("block")) {
              busy.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return null;
          },
          2);

  @AfterEach
  void stop() {
    release.countDown();
    processor.close();
  }

  @Test
  void aFullQueueRefusesClientCommandsButNotTheEnginesOwn() throws InterruptedException {
    processor.start(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));
    CompletableFuture<Object> blocking = processor.submit(new BroadcastSignal("block", Map.of(), "<default>"));
    busy.await();
    CompletableFuture<Object> queued1 = processor.submit(new BroadcastSignal("a", Map.of(), "<default>"));
    CompletableFuture<Object> queued2 = processor.submit(new BroadcastSignal("b", Map.of(), "<default>"));

    CompletableFuture<Object> refused = processor.submit(new BroadcastSignal("c", Map.of(), "<default>"));
    CompletableFuture<Object> dueWork = processor.submit(new Command.ProcessDueWork());

    assertThatThrownBy(refused::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.type()).isEqualTo(Rejection.Type.RESOURCE_EXHAUSTED))
        .hasMessageContaining("back off and retry");
    release.countDown();
    CompletableFuture.allOf(blocking, queued1, queued2, dueWork).join();
    assertThat(processor.submit(new BroadcastSignal("after", Map.of(), "<default>")).join()).as("room again once the queue drains").isNull();
  }
}
