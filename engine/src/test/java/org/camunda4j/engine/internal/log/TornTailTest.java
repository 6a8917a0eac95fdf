package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.record.EngineEvent.KeysIssued;
import org.camunda4j.engine.internal.state.EngineState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of a write leaves a torn tail: the last transaction's pages half in the
 * write-ahead log. The image of a running log is copied as a crash leaves it (database and WAL, the
 * engine still holding them) and the WAL cut short inside its last transaction: opened again, the
 * log holds every earlier commit, drops only the torn one, which was never acknowledged, and takes
 * new commits.
 */
class TornTailTest {

  private static final EventCodec CODEC = new EventCodec(new BpmnTransformer(new Feel(System::currentTimeMillis)));

  @TempDir Path running;
  @TempDir Path crashed;

  @Test
  void aTornLastTransactionIsDroppedAndEveryEarlierCommitIsKept() throws IOException {
    long walBeforeLast;
    try (SqliteEventLog log = SqliteEventLog.open(running, CODEC)) {
      for (long key = 1; key <= 20; key++) {
        log.append(List.of(new KeysIssued(key)));
        log.commitAndWait();
      }
      walBeforeLast = Files.size(running.resolve(SqliteEventLog.DATABASE + "-wal"));
      log.append(List.of(new KeysIssued(21), new KeysIssued(22)));
      log.commitAndWait();
      for (String file : List.of(SqliteEventLog.DATABASE, SqliteEventLog.DATABASE + "-wal")) {
        Files.copy(running.resolve(file), crashed.resolve(file));
      }
    }
    Path wal = crashed.resolve(SqliteEventLog.DATABASE + "-wal");
    long walSize = Files.size(wal);
    assertThat(walSize).as("the last commit is in the WAL, not yet checkpointed").isGreaterThan(walBeforeLast);
    try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.WRITE)) {
      channel.truncate(walSize - 100); // inside the last transaction's commit frame
    }

    try (SqliteEventLog log = SqliteEventLog.open(crashed, CODEC)) {
      assertThat(lastKeys(log)).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());

      log.append(List.of(new KeysIssued(23)));
      log.commitAndWait();
      assertThat(lastKeys(log)).endsWith(20L, 23L);
    }
  }

  private static List<Long> lastKeys(EventLog log) {
    List<Long> keys = new ArrayList<>();
    log.replay(new EngineState(), (EngineEvent event) -> keys.add(((KeysIssued) event).lastKey()));
    return keys;
  }
}
