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
import java.util.function.Consumer;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable log: one SQLite database in the data directory, in WAL mode with {@code
 * synchronous=FULL}, so a committed transaction survives a crash or power loss. A batch of commands
 * is one transaction: one sync per batch (group commit). SQLite's WAL detects a torn write and
 * drops the unfinished transaction on open, which was never acknowledged.
 *
 * <p>The directory is locked for the life of the log: a second engine on it is refused.
 */
public final class SqliteEventLog implements EventLog {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteEventLog.class);

  static final String DATABASE = "events.db";
  static final String LOCK = "engine.lock";

  private final Path directory;
  private final EventCodec codec;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Connection connection;
  private final PreparedStatement insert;
  private final List<EngineEvent> pending = new ArrayList<>();

  private SqliteEventLog(Path directory, EventCodec codec, FileChannel lockChannel, FileLock lock, Connection connection)
      throws SQLException {
    this.directory = directory;
    this.codec = codec;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.connection = connection;
    this.insert = connection.prepareStatement("INSERT INTO events(payload) VALUES (?)");
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
      connection.setAutoCommit(false);
      connection.commit();
      return new SqliteEventLog(directory, codec, channel, lock, connection);
    } catch (SQLException e) {
      closeQuietly(channel);
      throw new LogUnavailableException("the event log in " + directory + " cannot be opened: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(List<EngineEvent> events) {
    pending.addAll(events);
  }

  /** Writes the batch in one transaction; on failure nothing of it is kept and {@link LogUnavailableException} says why. */
  @Override
  public void commit() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      for (EngineEvent event : pending) {
        insert.setBytes(1, codec.write(event));
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw new LogUnavailableException(
          "the event log in " + directory + " cannot be written (" + e.getMessage() + "); is the disk full or the directory read-only?", e);
    } finally {
      pending.clear();
    }
  }

  @Override
  public boolean replay(Consumer<EngineEvent> applier) {
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
      connection.commit();
      pending.forEach(applier);
      return true;
    } catch (SQLException e) {
      throw new LogUnavailableException("the event log in " + directory + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
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

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("rolling back a failed write of the event log failed", e);
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
