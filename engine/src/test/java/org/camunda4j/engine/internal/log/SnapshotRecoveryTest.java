package org.camunda4j.engine.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.processing.ActivatedJob;
import org.camunda4j.engine.internal.processing.ActivationRequest;
import org.camunda4j.engine.internal.processing.ControlledClock;
import org.camunda4j.engine.internal.processing.DeploymentResource;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.HistoryRetention;
import org.camunda4j.engine.internal.processing.NewInstance;
import org.camunda4j.engine.internal.state.StateDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots on disk: the durable engine builds one in the background every few events (here every
 * 40) and takes one on close; a
 * restart restores the newest and replays only the events after it; the log keeps two snapshots and
 * the events after the older one, so a snapshot whose bytes changed is detected and the older one
 * rebuilds everything acknowledged. Each engine here is checked on close like every engine test:
 * its log replayed, and its state written as a snapshot and read back, give its live state.
 */
class SnapshotRecoveryTest {

  private static final int SNAPSHOT_EVERY = 40;

  @TempDir Path directory;
  @TempDir Path crashed;
  private EngineOperations engine;

  private EngineOperations open() {
    return open(directory);
  }

  private EngineOperations open(Path dataDirectory) {
    return new EngineOperations(
        new ControlledClock(), Duration.ofSeconds(1), HistoryRetention.KEEP_ALL,
        t -> SqliteEventLog.open(dataDirectory, new EventCodec(t), SNAPSHOT_EVERY));
  }

  @AfterEach
  void close() {
    if (engine != null) {
      assertThat(engine.replayMismatch()).isNull();
      engine.close();
    }
  }

  /** Deploys, starts 30 instances and completes 10 of their jobs; returns the state as it then is. */
  private String runSomeWork() throws IOException {
    engine = open();
    String state = doSomeWork();
    assertThat(engine.replayMismatch()).isNull();
    engine.close();
    engine = null;
    return state;
  }

  private String doSomeWork() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/bpmn/single-service-task.bpmn")) {
      engine.deploy(List.of(new DeploymentResource("single-service-task.bpmn", in.readAllBytes())), "<default>").join();
    }
    for (int i = 0; i < 30; i++) {
      engine.createById("single-service-task", -1, new NewInstance(Map.of("i", i), List.of(), null, null)).join();
    }
    List<ActivatedJob> jobs =
        engine.activate(new ActivationRequest("work", "w", 60_000, 10, List.of(), List.of("<default>"), 0), () -> true).join();
    assertThat(jobs).hasSize(10);
    for (ActivatedJob job : jobs) {
      engine.completeJob(job.jobKey(), Map.of("done", true)).join();
    }
    return engine.read(StateDump::of).join();
  }

  @Test
  void afterACrashARestartRestoresTheNewestSnapshotBuiltInTheBackgroundAndReplaysTheEventsAfterIt() throws Exception {
    engine = open();
    String before = doSomeWork();
    awaitASnapshot();
    // the files as a crash leaves them: the engine still running, no snapshot taken on close
    for (String file : List.of(SqliteEventLog.DATABASE, SqliteEventLog.DATABASE + "-wal")) {
      Files.copy(directory.resolve(file), crashed.resolve(file));
    }
    assertThat(engine.replayMismatch()).isNull();
    engine.close();

    engine = open(crashed);

    assertThat(engine.read(StateDump::of).join()).isEqualTo(before);
  }

  /** Builds run on their own thread: waits (at most 30 s) until one is stored. */
  private void awaitASnapshot() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (snapshotPositions().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(snapshotPositions()).as("a snapshot built in the background").isNotEmpty();
    assertThat(firstEventPosition()).as("the events it covers are gone: a restart needs it").isGreaterThan(1);
  }

  @Test
  void aRestartRestoresTheNewestSnapshotAndTheLogKeepsOnlyTwoSnapshotsAndTheEventsAfterTheOlder() throws Exception {
    String before = runSomeWork();

    List<Long> snapshots = snapshotPositions();
    assertThat(snapshots).as("two snapshots, the newest taken on close").hasSize(2);
    assertThat(snapshots.get(0)).as("the newest covers every event").isEqualTo(lastEventPosition());
    assertThat(firstEventPosition()).as("the events the older snapshot covers are gone").isEqualTo(snapshots.get(1) + 1);

    engine = open();

    assertThat(engine.read(StateDump::of).join()).isEqualTo(before);
    List<ActivatedJob> rest =
        engine.activate(new ActivationRequest("work", "w", 60_000, 100, List.of(), List.of("<default>"), 0), () -> true).join();
    assertThat(rest).as("the 20 jobs not completed before the restart, none of the 10 completed").hasSize(20);
    for (ActivatedJob job : rest) {
      engine.completeJob(job.jobKey(), Map.of()).join();
    }
    assertThat(engine.read(state -> state.processInstances().stream().filter(p -> p.state().equals("COMPLETED")).count()).join())
        .isEqualTo(30);
  }

  @Test
  void aSnapshotWhoseBytesChangedIsDetectedAndTheOlderOneWithTheEventsAfterItRebuildsTheSameState() throws Exception {
    String before = runSomeWork();
    List<Long> snapshots = snapshotPositions();
    flipAByteOfSnapshot(snapshots.get(0));

    engine = open();

    assertThat(engine.read(StateDump::of).join()).isEqualTo(before);
    // the snapshot that cannot be read is dropped; the one built in the background from the older
    // snapshot and the events after it may take its place at once
    assertThat(snapshotPositions()).contains(snapshots.get(1)).isSubsetOf(snapshots);
    SnapshotCodec codec = new SnapshotCodec(new BpmnTransformer(new Feel(System::currentTimeMillis)));
    for (long position : snapshotPositions()) {
      assertThatCode(() -> codec.read(snapshotBytes(position))).as("snapshot %d", position).doesNotThrowAnyException();
    }
  }

  @Test
  void whenNoSnapshotCanBeReadAndTheEventsBeforeThemAreGoneTheEngineRefusesToStartAndSaysWhy() throws Exception {
    runSomeWork();
    List<Long> snapshots = snapshotPositions();
    for (long position : snapshots) {
      flipAByteOfSnapshot(position);
    }

    assertThatThrownBy(this::open)
        .isInstanceOf(LogUnavailableException.class)
        .hasMessageContaining("were dropped behind a snapshot that cannot be read")
        .hasMessageContaining("restore the directory from a backup");
    assertThat(snapshotPositions()).as("nothing is removed from a log the engine refused").isEqualTo(snapshots);
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(SqliteEventLog.DATABASE));
  }

  /** Newest first. */
  private List<Long> snapshotPositions() throws SQLException {
    List<Long> positions = new ArrayList<>();
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT position FROM snapshots ORDER BY position DESC")) {
      while (rows.next()) {
        positions.add(rows.getLong(1));
      }
    }
    return positions;
  }

  private long firstEventPosition() throws SQLException {
    return single("SELECT min(position) FROM events");
  }

  private long lastEventPosition() throws SQLException {
    return single("SELECT max(position) FROM events");
  }

  private long single(String sql) throws SQLException {
    try (Connection db = database();
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private byte[] snapshotBytes(long position) throws SQLException {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement("SELECT state FROM snapshots WHERE position = ?")) {
      query.setLong(1, position);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getBytes(1);
      }
    }
  }

  /** Changes one byte in the middle of a stored snapshot, as a bad disk sector would. */
  private void flipAByteOfSnapshot(long position) throws SQLException {
    byte[] state = snapshotBytes(position);
    try (Connection db = database()) {
      state[state.length / 2] ^= 0x10;
      try (PreparedStatement update = db.prepareStatement("UPDATE snapshots SET state = ? WHERE position = ?")) {
        update.setBytes(1, state);
        update.setLong(2, position);
        update.executeUpdate();
      }
    }
    assertThat(Files.exists(directory.resolve(SqliteEventLog.DATABASE))).isTrue();
  }
}
