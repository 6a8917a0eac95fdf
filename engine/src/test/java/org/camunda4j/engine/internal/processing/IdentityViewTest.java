package org.camunda4j.engine.internal.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.log.InMemoryEventLog;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.processing.Command.BroadcastSignal;
import org.camunda4j.engine.internal.record.EngineEvent.UserDeleted;
import org.camunda4j.engine.internal.record.EngineEvent.UserSaved;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.KeyRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Authentication and tenant checks read the identities on network threads, outside the processor:
 * they must see them as a batch left them, never in the middle of a command or of its undoing. The
 * processor runs here with a handler for which a signal "create NAME" saves a user, and "fail NAME"
 * deletes the user, records what the published identities show at that moment, and then fails.
 */
class IdentityViewTest {

  private final EngineState state = new EngineState();
  private final List<Boolean> seenMidCommand = new ArrayList<>();
  private Processor processor;

  private Processor start() {
    processor =
        new Processor(
            state,
            new ControlledClock(),
            // a snapshot every few events, so the undo reads a snapshot back and replaces the live identities
            new InMemoryEventLog(new SnapshotCodec(new BpmnTransformer(new Feel(System::currentTimeMillis))), 3),
            (ctx, command) -> {
              if (!(command instanceof BroadcastSignal signal)) {
                return null; // the processor's own commands, such as processing due work at start
              }
              String[] verbAndName = signal.signalName().split(" ", 2);
              if (verbAndName[0].equals("create")) {
                ctx.emit(new UserSaved(new Identities.User(verbAndName[1], verbAndName[1], "", "hash")));
                return null;
              }
              ctx.emit(new UserDeleted(verbAndName[1]));
              seenMidCommand.add(processor.identities().user(verbAndName[1]).isPresent());
              throw new IllegalStateException("a bug in the command");
            });
    processor.start(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));
    return processor;
  }

  @AfterEach
  void stop() {
    processor.close();
  }

  private CompletableFuture<Object> signal(String name) {
    return processor.submit(new BroadcastSignal(name, Map.of(), "<default>"));
  }

  @Test
  void aChangeIsSeenOnceItsBatchIsDone() {
    start();
    assertThat(processor.identities().user("alice")).isEmpty();

    signal("create alice").join();

    assertThat(processor.identities().user("alice")).map(Identities.User::name).contains("alice");
  }

  @Test
  void aCommandThatFailsIsNeverSeenNeitherHalfWayNorWhileItIsUndone() {
    start();
    for (int i = 0; i < 5; i++) {
      signal("create user" + i).join();
    }

    assertThatThrownBy(() -> signal("fail user2").join()).hasRootCauseMessage("a bug in the command");

    assertThat(seenMidCommand).as("the user the failing command had deleted, as the published identities showed it then")
        .containsExactly(true);
    assertThat(processor.identities().users()).hasSize(5);
    signal("create bob").join();
    assertThat(processor.identities().user("bob"))
        .as("a change after an undo that read a snapshot back, which replaced the live identities")
        .isPresent();
    assertThat(processor.identities().users()).hasSize(6);
  }

  @Test
  void whatNetworkThreadsReadIsACopyThatLaterBatchesDoNotChange() {
    start();
    signal("create alice").join();
    Identities seen = processor.identities();

    signal("create bob").join();

    assertThat(seen.users()).extracting(Identities.User::username).containsExactly("alice");
    assertThat(processor.identities()).isNotSameAs(processor.read(EngineState::identities).join());
  }
}
