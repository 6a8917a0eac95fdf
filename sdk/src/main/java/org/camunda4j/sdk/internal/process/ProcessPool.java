package org.camunda4j.sdk.internal.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.ProcessJobHandler;
import org.camunda4j.sdk.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A pool of child JVMs for one PROCESS worker, started lazily (on the first job that needs one) and
 * reused. Each child runs one job at a time. A child that dies is discarded and the next job starts
 * a fresh one. Children run {@code java -cp <this JVM's class path> ChildMain}; their stderr (including
 * their own logging) is forwarded line by line to this JVM's logger.
 */
public final class ProcessPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessPool.class);
  private static final Logger CHILD_OUTPUT = LoggerFactory.getLogger("org.camunda4j.sdk.process.child");

  /** What a child answered for one job; {@code crash} is set instead when it died. */
  public record Reply(String kind, JsonNode body, String crash) {}

  /** Receives the log lines a job wrote in the child. */
  public interface LogSink {
    void log(Level level, String message);
  }

  private final String name;
  private final byte[] handlerBytes;
  private final int size;
  private final Semaphore permits;
  private final ConcurrentLinkedDeque<Child> idle = new ConcurrentLinkedDeque<>();
  private final Set<Child> all = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public ProcessPool(String name, byte[] handlerBytes, int size) {
    this.name = name;
    this.handlerBytes = handlerBytes;
    this.size = size;
    this.permits = new Semaphore(size, true);
  }

  public boolean isClosed() {
    return closed;
  }

  public int size() {
    return size;
  }

  /** Number of live children (for tests and stats). */
  public int liveChildren() {
    return (int) all.stream().filter(c -> c.process.isAlive()).count();
  }

  /**
   * Serialises a PROCESS handler and reads it back, so a handler that cannot cross the process
   * boundary fails when the worker is created, with the reason, instead of at its first job.
   */
  public static byte[] serialize(ProcessJobHandler handler) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(handler);
    } catch (NotSerializableException e) {
      throw new CamundaConfigurationException("handler", "the PROCESS handler cannot be sent to a child JVM: it"
          + " refers to a " + e.getMessage() + ", which is not Serializable. A PROCESS handler and everything it"
          + " captures must be Serializable: use a static method reference, or capture only serialisable values");
    } catch (IOException e) {
      throw new CamundaConfigurationException("handler", "the PROCESS handler cannot be serialised: " + e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
    } catch (Exception e) {
      throw new CamundaConfigurationException("handler", "the PROCESS handler was serialised but cannot be read"
          + " back, so a child JVM could not load it either: " + e);
    }
    return bytes.toByteArray();
  }

  /** A child reserved for one job; {@code null} when {@code giveUp} turned true while waiting. */
  public Lease acquire(BooleanSupplier giveUp) throws InterruptedException, IOException {
    while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
      if (giveUp.getAsBoolean() || closed) {
        return null;
      }
    }
    if (giveUp.getAsBoolean() || closed) {
      permits.release();
      return null;
    }
    Child child = idle.pollFirst();
    while (child != null && !child.process.isAlive()) {
      discard(child);
      child = idle.pollFirst();
    }
    try {
      if (child == null) {
        child = spawn();
      }
    } catch (IOException | RuntimeException e) {
      permits.release();
      throw e;
    }
    return new Lease(child);
  }

  /** One job's use of a child. */
  public final class Lease {
    private final Child child;
    private boolean broken;

    private Lease(Child child) {
      this.child = child;
    }

    public long pid() {
      return child.process.pid();
    }

    /** Sends the job and waits for its outcome, forwarding log lines as they come. */
    public Reply run(byte[] jobJson, LogSink sink) {
      try {
        Frames.write(child.toChild, Frames.JOB, jobJson);
        while (true) {
          Frames.Frame frame = Frames.read(child.fromChild);
          if (frame == null) {
            break;
          }
          JsonNode node = Json.mapper().readTree(frame.payload());
          if (frame.kind() == Frames.LOG) {
            sink.log(Level.valueOf(node.get("level").asText()), node.get("message").asText());
          } else if (frame.kind() == Frames.RESULT) {
            return new Reply(node.get("kind").asText(), node.get("body"), null);
          }
        }
      } catch (IOException e) {
        LOG.debug("Lost the PROCESS child {} of {}", child.process.pid(), name, e);
      }
      broken = true;
      return new Reply(null, null, crashDescription());
    }

    private String crashDescription() {
      Integer exitCode = null;
      try {
        if (child.process.waitFor(2, TimeUnit.SECONDS)) {
          exitCode = child.process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "the PROCESS worker's child JVM (pid " + child.process.pid() + ") "
          + (exitCode == null ? "stopped answering" : "exited with code " + exitCode) + " while running the job";
    }

    /** Returns the child to the pool, or discards it if it broke or the pool closed. */
    public void release() {
      if (broken || closed) {
        discard(child);
      } else {
        idle.addFirst(child);
      }
      permits.release();
    }
  }

  private Child spawn() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), ChildMain.class.getName()));
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    Child child = new Child(process);
    all.add(child);
    Frames.write(child.toChild, Frames.HANDLER, handlerBytes);
    Thread.ofVirtual().name("camunda4j-child-stderr-" + process.pid()).start(() -> pumpStderr(process));
    LOG.info("Started PROCESS child JVM {} for {} ({} of at most {})", process.pid(), name, all.size(), size);
    return child;
  }

  private static void pumpStderr(Process process) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        CHILD_OUTPUT.info("[child {}] {}", process.pid(), line);
      }
    } catch (IOException ignored) {
      // the child is gone
    }
  }

  private void discard(Child child) {
    all.remove(child);
    child.stop();
  }

  @Override
  public void close() {
    closed = true;
    Child child;
    while ((child = idle.pollFirst()) != null) {
      discard(child);
    }
    for (Child running : List.copyOf(all)) {
      discard(running);
    }
  }

  private static final class Child {
    final Process process;
    final DataOutputStream toChild;
    final DataInputStream fromChild;

    Child(Process process) {
      this.process = process;
      this.toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    void stop() {
      try {
        toChild.close(); // the child exits at the end of its input
      } catch (IOException ignored) {
        // already gone
      }
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
