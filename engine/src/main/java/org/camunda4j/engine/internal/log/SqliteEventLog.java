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
import org.camunda4j.engine.internal.record.EngineEvent;
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
 * {@link #recover}). Transactions are explicit ({@code BEGIN IMMEDIATE} ... {@code COMMIT}) on a
 * connection in JDBC auto-commit mode: after a full disk SQLite rolls a transaction back by itself,
 * and the driver's implicit transactions would then write the next batch statement by statement.
 *
 * <p>The directory is locked for the life of the log: a second engine on it is refused.
 */
public final class SqliteEventLog implements EventLog {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEventLog.class);

  static final String DATABASE = "events.db";
  static final String LOCK = "engine.lock";

  /** Events of one commit and what runs once they are durable (or cannot be). */
  private record Batch(List<EngineEvent> events, Runnable onDurable, Consumer<LogUnavailableException> onFailure) {}

  private static final Batch STOP = new Batch(List.of(), () -> {}, e -> {});

  private final Path directory;
  private final EventCodec codec;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Connection connection;
  private final PreparedStatement insert;
  private final List<EngineEvent> appended = new ArrayList<>();
  private final BlockingQueue<Batch> toWrite = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean failed;

  private SqliteEventLog(Path directory, EventCodec codec, FileChannel lockChannel, FileLock lock, Connection connection)
      throws SQLException {
    this.directory = directory;
    this.codec = codec;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.connection = connection;
    this.insert = connection.prepareStatement("INSERT INTO events(payload) VALUES (?)");
    this.writer = new Thread(this::writeLoop, "camunda4j-log-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }
  /** Opens (or creates) the log in {@code directory}; refuses a directory another engine uses or that cannot be written. */
  public static SqliteEventLog open(Path directory, EventCodec codec) {
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
        setup.execute("CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
      }
      return new SqliteEventLog(directory, codec, channel, lock, connection);
    } catch (SQLException e) {
      closeQuietly(channel);
      throw new LogUnavailableException("the event log in " + directory + " cannot be opened: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(List<EngineEvent> events) {
    appended.addAll(events);
  }

  @Override
  public void commit(Runnable onDurable, Consumer<LogUnavailableException> onFailure) {
    toWrite.add(new Batch(List.copyOf(appended), onDurable, onFailure));
    appended.clear();
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
    LogUnavailableException failure = failed ? new LogUnavailableException("an earlier write of the event log in "
        + directory + " failed; this batch was processed on top of it") : writeAll(group);
    for (Batch batch : group) {
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

  private LogUnavailableException writeAll(List<Batch> group) {
    boolean any = false;
    try {
      for (Batch batch : group) {
        for (EngineEvent event : batch.events()) {
          insert.setBytes(1, codec.write(event));
          insert.addBatch();
          any = true;
        }
      }
      if (any) {
        execute("BEGIN IMMEDIATE");
        insert.executeBatch();
        execute("COMMIT");
      }
      return null;
    } catch (SQLException | RuntimeException e) {
      failed = true;
      rollbackQuietly();
      return new LogUnavailableException(
          "the event log in " + directory + " cannot be written (" + e.getMessage() + "); is the disk full or the directory read-only?", e);
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
  public boolean replay(Consumer<EngineEvent> applier) {
    awaitWriter();
    readDurable(applier);
    appended.forEach(applier);
    return true;
  }

  @Override
  public void recover(Consumer<EngineEvent> applier) {
    awaitWriter();
    appended.clear();
    readDurable(applier);
    failed = false;
  }

  private void readDurable(Consumer<EngineEvent> applier) {
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT position, payload FROM events ORDER BY position")) {
      while (rows.next()) {
        long position = rows.getLong(1);
        EngineEvent event;
        try {
          event = codec.read(rows.getBytes(2));
        } catch (EventCodec.CorruptEventException e) {
          throw new LogUnavailableException(
              "event " + position + " of the log in " + directory + " is corrupt (" + e.getMessage()
                  + "); the engine does not start rather than lose it: restore the directory from a backup", e);
        }
        applier.accept(event);
      }
    } catch (SQLException e) {
      throw new LogUnavailableException("the event log in " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    toWrite.add(STOP);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      insert.close();
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
