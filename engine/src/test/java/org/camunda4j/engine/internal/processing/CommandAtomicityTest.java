package org.camunda4j.engine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.log.InMemoryEventLog;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.processing.Command.BroadcastSignal;
import org.camunda4j.engine.internal.record.EngineEvent.MessageBuffered;
import org.camunda4j.engine.internal.state.BufferedMessage;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.KeyRange;
import org.camunda4j.engine.internal.state.StateDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A command is atomic: all of its events or none. The processor runs here with a handler that
 * buffers one message per command and, for a signal named "fail", throws after doing so.
 */
class CommandAtomicityTest {

  private final EngineState state = new EngineState();
  private final Processor processor =
      new Processor(
          state,
          new ControlledClock(),
          // the state's copy takes events every few, so a failed command is undone from a snapshot too
          new InMemoryEventLog(new SnapshotCodec(new BpmnTransformer(new Feel(System::currentTimeMillis))), 3),
          (ctx, command) -> {
            if (!(command instanceof BroadcastSignal)) {
              return null; // the processor's own commands, such as processing due work at start
            }
            long key = state.nextKey();
            ctx.emit(new MessageBuffered(new BufferedMessage(key, "m", "", Map.of(), null, "<default>", ctx.now() + 60_000)));
            if (command instanceof BroadcastSignal signal && signal.signalName().equals("fail")) {
              throw new IllegalStateException("a bug in the command");
            }
            return key;
          });

  @AfterEach
  void stop() {
    processor.close();
  }

  private CompletableFuture<Long> signal(String name) {
    return processor.submit(new BroadcastSignal(name, Map.of(), "<default>"));
  }

  @Test
  void aCommandThatFailsHalfWayLeavesTheStateAsItWasAndAnswersWithItsFailure() {
    processor.start(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));
    long firstKey = signal("ok").join();
    String before = processor.read(StateDump::of).join();

    CompletableFuture<Long> failed = signal("fail");

    assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("a bug in the command");
    assertThat(processor.read(StateDump::of).join()).isEqualTo(before);
    assertThat(processor.read(s -> s.bufferedMessages().size()).join()).isEqualTo(1);
    assertThat(signal("ok").join()).as("the failed command's key was never committed").isEqualTo(firstKey + 1);
  }

  @Test
  void aFailureInABatchUndoesOnlyTheFailingCommandNotThoseBeforeOrAfterIt() {
    // queued before the loop starts, so the three run in one batch
    List<CompletableFuture<Long>> batch = List.of(signal("ok"), signal("fail"), signal("ok"));
    processor.start(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));

    assertThat(batch.get(0).join()).isNotNull();
    assertThatThrownBy(batch.get(1)::join).hasRootCauseMessage("a bug in the command");
    assertThat(batch.get(2).join()).isEqualTo(batch.get(0).join() + 1);
    assertThat(processor.read(s -> s.bufferedMessages().stream().map(BufferedMessage::key).toList()).join())
        .containsExactly(batch.get(0).join(), batch.get(2).join());
  }
}
