package org.camunda4j.engine.internal.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The {@code clusterId} the topology reports: which state the engine answers from. An engine in
 * memory is a new cluster each time it starts, with none of the jobs an earlier one handed out; an
 * engine on a data directory keeps its id there for as long as it keeps its state. Workers compare
 * it before they send an outcome again after a failed connection.
 */
public final class ClusterId {

  static final String FILE = "cluster-id";

  private ClusterId() {}

  /** A fresh id for an engine in memory; the data directory's own id otherwise, created on first use. */
  public static String of(Path dataDirectory) {
    if (dataDirectory == null) {
      return UUID.randomUUID().toString();
    }
    Path file = dataDirectory.resolve(FILE);
    try {
      Files.createDirectories(dataDirectory);
      try {
        Files.writeString(file, UUID.randomUUID().toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      } catch (FileAlreadyExistsException kept) {
        // an earlier start on this directory chose it
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new LogUnavailableException("the data directory " + dataDirectory + " cannot keep the cluster id in "
          + file + ": " + e, e);
    }
  }
}
