package org.camunda4j.engine.internal.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.EngineState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable log: one SQLite database in the data directory, in WAL mode with {@code
 * synchronous=FULL}, so a committed transaction survives a crash or power loss. SQLite's WAL
 * detects a torn write and drops the unfinished transaction on open, which was never acknowledged.
 *
 * <p>Group commit, pipelined: the processor hands each batch's events to the writer thread and goes
 * on with the next batch; the writer encodes them and writes every batch waiting for it in one
 * transaction, so one sync covers them all, then runs the batches' {@code onDurable} (their replies)
 * in order. The processor thread uses the connection only while the writer is idle ({@link #replay},
 * {@link #recover}), and holds it against a snapshot built in the background meanwhile. Transactions are explicit ({@code BEGIN IMMEDIATE} ... {@code COMMIT}) on a
 * connection in JDBC auto-commit mode: after a full disk SQLite rolls a transaction back by itself,
 * and the driver's implicit transactions would then write the next batch statement by statement.
 *
 * <p>Snapshots: the durable events also go into a second copy of the state on a thread of its own
 * ({@link BackgroundSnapshots}), written as the next snapshot every {@code snapshotEvery} of them
 * (more for a large state), so commands never wait for one; on close the processor hands over its state once more. The writer stores a
 * snapshot with its next group, at the position of the last event it covers, and in the same
 * transaction drops every snapshot but the two newest and the events the older of them covers. A restart restores the newest snapshot and replays the events after it; when that
 * snapshot cannot be read (its checksum fails), the older one and the events after it still rebuild
 * everything acknowledged. Disk use is bounded by two snapshots and the events since the older one
 * (history removal bounds the snapshots).
 *
 * <p>The directory is locked for the life of the log: a second engine on it is refused.
 */
public final class SqliteEventLog implements EventLog {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEventLog.class);

  static final String DATABASE = "events.db";
  static final String LOCK = "engine.lock";
  /** Events decoded together in a replay. */
  private static final int REPLAY_CHUNK = 4096;

  /**
   * How many events follow a snapshot before the next is built, unless told otherwise: a restart
   * after a crash replays up to about this many (see docs/decisions.md for the figures).
   */
  public static final int DEFAULT_SNAPSHOT_EVERY = 50_000;

  /**
   * Events of one commit, or a snapshot to store (covering the events up to {@code snapshotPosition},
   * or when that is -1 the events before it), and what runs once they are durable (or cannot be).
   */
  private record Batch(
      List<EngineEvent> events, byte @Nullable [] snapshot, long snapshotPosition, Runnable onDurable,
      Consumer<LogUnavailableException> onFailure) {

    Batch(List<EngineEvent> events, Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
      this(events, null, -1, onDurable, onFailure);
    }
  }

  private static final Batch STOP = new Batch(List.of(), () -> {}, e -> {});

  private final Path directory;
  private final EventCodec codec;
  private final SnapshotCodec snapshots;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Connection connection;
  private final PreparedStatement insert;
  private final PreparedStatement insertSnapshot;
  private final List<EngineEvent> appended = new ArrayList<>();
  /** The newest snapshot and the durable events after it, from which the next snapshot is built. */
  private final BackgroundSnapshots background;
  private final BlockingQueue<Batch> toWrite = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean failed;
  /** Events appended since the newest snapshot (processor thread). */
  private long eventsSinceSnapshot;
  /** The position of the last durable event or snapshot (writer thread, or the processor's while the writer is idle). */
  private long lastPosition;

  private SqliteEventLog(
      Path directory, EventCodec codec, SnapshotCodec snapshots, int snapshotEvery, FileChannel lockChannel, FileLock lock,
      Connection connection) throws SQLException {
    this.directory = directory;
    this.codec = codec;
    this.snapshots = snapshots;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.connection = connection;
    this.insert = connection.prepareStatement("INSERT INTO events(position, payload) VALUES (?, ?)");
    this.insertSnapshot = connection.prepareStatement("INSERT OR REPLACE INTO snapshots(position, state) VALUES (?, ?)");
    this.lastPosition = queryLong("SELECT max(coalesce((SELECT max(position) FROM events), 0), coalesce((SELECT max(position) FROM snapshots), 0))");
    this.background = new BackgroundSnapshots(snapshots, snapshotEvery, BackgroundSnapshots.CHUNK, this::storeInBackground);
    this.writer = new Thread(this::writeLoop, "camunda4j-log-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }
  /** Opens (or creates) the log in {@code directory}; refuses a directory another engine uses or that cannot be written. */
  public static SqliteEventLog open(Path directory, EventCodec codec) {
    return open(directory, codec, DEFAULT_SNAPSHOT_EVERY);
  }

  /** As {@link #open(Path, EventCodec)}, with a snapshot every {@code snapshotEvery} events. */
  public static SqliteEventLog open(Path directory, EventCodec codec, int snapshotEvery) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new LogUnavailableException("the data directory " + directory + " cannot be created: " + e, e);
    }
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new LogUnavailableException("the data directory " + directory + " is not writable: " + e, e);
    }
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new LogUnavailableException(
          "another engine is using the data directory " + directory + " (it holds " + directory.resolve(LOCK)
              + "): stop it, or give this engine another --data-dir");
    }
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve(DATABASE));
      try (Statement setup = connection.createStatement()) {
        setup.execute("PRAGMA journal_mode=WAL");
        setup.execute("PRAGMA synchronous=FULL");
        // a large snapshot passes through the WAL; a checkpoint then gives that space back
        setup.execute("PRAGMA journal_size_limit=" + (64 << 20));
        setup.execute("CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
        setup.execute("CREATE TABLE IF NOT EXISTS snapshots (position INTEGER PRIMARY KEY, state BLOB NOT NULL)");
      }
      return new SqliteEventLog(directory, codec, new SnapshotCodec(codec.transformer()), snapshotEvery, channel, lock, connection);
    } catch (SQLException e) {
      closeQuietly(channel);
      throw new LogUnavailableException("the event log in " + directory + " cannot be opened: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(List<EngineEvent> events) {
    appended.addAll(events);
    eventsSinceSnapshot += events.size();
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    toWrite.add(new Batch(List.copyOf(appended), onDurable, onFailure));
    appended.clear();
  }

  @Override
  public boolean snapshotDueOnClose() {
    return !failed && eventsSinceSnapshot > 0;
  }

  /**
   * On close: encodes {@code state} here, on the processor thread, so that the next start replays
   * nothing; the writer stores it after the batches committed before it.
   */
  @Override
  public void snapshot(EngineState state) {
    if (!appended.isEmpty()) {
      throw new IllegalStateException("a snapshot is taken between batches, not with events appended but not committed");
    }
    background.close(); // this one covers every event; one built now would be older
    byte[] encoded = snapshots.write(state);
    toWrite.add(new Batch(List.of(), encoded, -1, () -> {}, e -> LOG.warn("a snapshot of the engine state was not stored: {}", e.getMessage())));
    eventsSinceSnapshot = 0;
  }

  /** A snapshot built in the background (on its thread): stored by the writer with its next group. */
  private void storeInBackground(BackgroundSnapshots.Snapshot built) {
    toWrite.add(new Batch(List.of(), built.bytes(), built.position(), () -> {},
        e -> LOG.warn("a snapshot of the engine state was not stored: {}", e.getMessage())));
  }

  @Override
  public boolean failed() {
    return failed;
  }

  private void writeLoop() {
    List<Batch> group = new ArrayList<>();
    while (true) {
      try {
        group.add(toWrite.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      toWrite.drainTo(group);
      int stop = group.indexOf(STOP);
      write(stop < 0 ? group : group.subList(0, stop));
      group.clear();
      if (stop >= 0) {
        return;
      }
    }
  }

  /** One transaction for every batch of the group: one sync; then each batch's callback, in order. */
  private void write(List<Batch> group) {
    LogUnavailableException failure;
    synchronized (connection) {
      failure = failed ? new LogUnavailableException("an earlier write of the event log in "
          + directory + " failed; this batch was processed on top of it") : writeAll(group);
    }
    for (Batch batch : group) {
      if (failure == null && !batch.events().isEmpty()) {
        background.add(batch.events());
      }
      try {
        if (failure == null) {
          batch.onDurable().run();
        } else {
          batch.onFailure().accept(failure);
        }
      } catch (RuntimeException e) {
        LOG.warn("a reply after a commit of the event log failed", e);
      }
    }
  }

  private @Nullable LogUnavailableException writeAll(List<Batch> group) {
    long position = lastPosition;
    boolean began = false;
    try {
      for (Batch batch : group) {
        for (EngineEvent event : batch.events()) {
          insert.setLong(1, ++position);
          insert.setBytes(2, codec.write(event));
          insert.addBatch();
        }
        if (!batch.events().isEmpty() || batch.snapshot() != null) {
          if (!began) {
            execute("BEGIN IMMEDIATE");
            began = true;
          }
          insert.executeBatch();
        }
        if (batch.snapshot() != null) {
          storeSnapshot(batch.snapshotPosition() < 0 ? position : batch.snapshotPosition(), batch.snapshot());
        }
      }
      if (began) {
        execute("COMMIT");
      }
      lastPosition = position;
      return null;
    } catch (SQLException | RuntimeException e) {
      failed = true;
      insertClearQuietly();
      rollbackQuietly();
      return new LogUnavailableException(
          "the event log in " + directory + " cannot be written (" + e.getMessage() + "); is the disk full or the directory read-only?", e);
    }
  }

  /** Stores a snapshot covering the events up to {@code position}; keeps it and the one before, and the events after that one. */
  private void storeSnapshot(long position, byte[] state) throws SQLException {
    insertSnapshot.setLong(1, position);
    insertSnapshot.setBytes(2, state);
    insertSnapshot.executeUpdate();
    execute("DELETE FROM snapshots WHERE position < (SELECT min(position) FROM (SELECT position FROM snapshots ORDER BY position DESC LIMIT 2))");
    execute("DELETE FROM events WHERE position <= (SELECT min(position) FROM snapshots)");
  }

  private void insertClearQuietly() {
    try {
      insert.clearBatch();
    } catch (SQLException e) {
      LOG.debug("clearing the statement batch failed", e);
    }
  }

  /** Returns once every batch handed to the writer so far is written (or failed); then the writer is idle. */
  private void awaitWriter() {
    if (Thread.currentThread() == writer || !writer.isAlive()) {
      return;
    }
    CountDownLatch written = new CountDownLatch(1);
    toWrite.add(new Batch(List.of(), written::countDown, e -> written.countDown()));
    try {
      written.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogUnavailableException("interrupted while waiting for the event log's writer", e);
    }
  }

  @Override
  public void replay(EngineState state, Consumer<EngineEvent> applier) {
    awaitWriter();
    readDurable(state, applier);
    appended.forEach(applier);
    eventsSinceSnapshot += appended.size();
  }

  @Override
  public void recover(EngineState state, Consumer<EngineEvent> applier) {
    awaitWriter();
    appended.clear();
    readDurable(state, applier);
    failed = false;
  }

  /**
   * The newest snapshot that can be read, then the durable events after it. Holds the connection
   * throughout: a snapshot built in the background may reach the writer at any time, and its
   * transaction drops events.
   */
  private void readDurable(EngineState state, Consumer<EngineEvent> applier) {
    synchronized (connection) {
      readDurableHoldingConnection(state, applier);
    }
  }

  private void readDurableHoldingConnection(EngineState state, Consumer<EngineEvent> applier) {
    try {
      long started = System.nanoTime();
      List<Long> unreadable = new ArrayList<>();
      BackgroundSnapshots.Snapshot restored = restoreNewestSnapshot(state, unreadable);
      long restoredAt = System.nanoTime();
      long from = restored == null ? 0 : restored.position();
      long firstEvent = queryLong("SELECT coalesce(min(position), 0) FROM events");
      if (firstEvent > from + 1) {
        throw new LogUnavailableException(
            "the events " + (from + 1) + " to " + (firstEvent - 1) + " of the log in " + directory
                + " were dropped behind a snapshot that cannot be read; the engine does not start rather than lose them:"
                + " restore the directory from a backup");
      }
      for (long position : unreadable) { // an older snapshot and the events after it stand in for them
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM snapshots WHERE position = ?")) {
          delete.setLong(1, position);
          delete.executeUpdate();
        }
      }
      List<EngineEvent> replayed = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement("SELECT position, payload FROM events WHERE position > ? ORDER BY position")) {
        query.setLong(1, from);
        try (ResultSet rows = query.executeQuery()) {
          long[] positions = new long[REPLAY_CHUNK];
          byte[][] payloads = new byte[REPLAY_CHUNK][];
          int read = 0;
          while (rows.next()) {
            positions[read] = rows.getLong(1);
            payloads[read++] = rows.getBytes(2);
            if (read == REPLAY_CHUNK) {
              replayChunk(positions, payloads, read, applier, replayed);
              read = 0;
            }
          }
          replayChunk(positions, payloads, read, applier, replayed);
        }
      }
      eventsSinceSnapshot = replayed.size();
      background.reset(restored, replayed, state.definitions());
      boolean large = replayed.size() >= 10_000 || (restored != null && restored.bytes().length >= 10 << 20);
      if (large || LOG.isDebugEnabled()) { // the start of a large state says where its time went; a small one says nothing
        LOG.info(
            "state rebuilt from the log in {}: the snapshot at event {} ({} KB) read in {} ms, the {} events after it replayed in {} ms",
            directory, from, restored == null ? 0 : restored.bytes().length / 1024, (restoredAt - started) / 1_000_000, replayed.size(),
            (System.nanoTime() - restoredAt) / 1_000_000);
      }
    } catch (SQLException e) {
      throw new LogUnavailableException("the event log in " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a chunk of events on every core (decoding the JSON is most of a replay's time; a start
   * after a crash replays up to a snapshot interval of them), then applies them in order.
   */
  private void replayChunk(long[] positions, byte[][] payloads, int count, Consumer<EngineEvent> applier, List<EngineEvent> replayed) {
    EngineEvent[] events = new EngineEvent[count];
    IntStream.range(0, count).parallel().forEach(i -> events[i] = read(positions[i], payloads[i]));
    for (EngineEvent event : events) {
      applier.accept(event);
      replayed.add(event);
    }
  }

  /**
   * Restores the newest snapshot that reads back into {@code state} and returns it with the position
   * of its last event (null when there is none). One that does not read back is reported and added to {@code
   * unreadable}: the older snapshot and the events after it, which the log keeps for this, stand in for it.
   */
  private BackgroundSnapshots.@Nullable Snapshot restoreNewestSnapshot(EngineState state, List<Long> unreadable) throws SQLException {
    List<Long> positions = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT position FROM snapshots ORDER BY position DESC")) {
      while (rows.next()) {
        positions.add(rows.getLong(1));
      }
    }
    for (long position : positions) {
      byte[] bytes;
      try (PreparedStatement query = connection.prepareStatement("SELECT state FROM snapshots WHERE position = ?")) {
        query.setLong(1, position);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          bytes = rows.getBytes(1);
        }
      }
      try {
        state.restore(snapshots.read(bytes));
        return new BackgroundSnapshots.Snapshot(bytes, position);
      } catch (SnapshotCodec.CorruptSnapshotException e) {
        LOG.error(
            "the snapshot of the engine state at event {} in {} cannot be read ({}); the state is rebuilt from an older snapshot and"
                + " the events after it",
            position, directory, e.getMessage());
        unreadable.add(position);
      }
    }
    return null;
  }

  private EngineEvent read(long position, byte[] payload) {
    try {
      return codec.read(payload);
    } catch (EventCodec.CorruptEventException e) {
      throw new LogUnavailableException(
          "event " + position + " of the log in " + directory + " is corrupt (" + e.getMessage()
              + "); the engine does not start rather than lose it: restore the directory from a backup", e);
    }
  }

  private long queryLong(String sql) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Override
  public void close() {
    background.close();
    toWrite.add(STOP);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      insert.close();
      insertSnapshot.close();
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the event log in {} failed", directory, e);
    }
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("releasing {} failed", directory.resolve(LOCK), e);
    }
    closeQuietly(lockChannel);
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Takes back a failed write. SQLite may have rolled the transaction back itself (it does on a
   * full disk), so "no transaction is active" is no failure here.
   */
  private void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        LOG.warn("rolling back a failed write of the event log failed", e);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to do
    }
  }
}
