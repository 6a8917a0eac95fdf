package org.camunda4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a child process and driven by lines over its stdin/stdout; its stderr (logs) goes
 * to a file. Lines starting with {@code start } are handler-start times and go to their own queue.
 */
final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final BlockingQueue<Long> handlerStarts = new LinkedBlockingQueue<>();

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread.ofPlatform().daemon().name("child-" + name).start(this::readStdout);
  }

  static ChildJvm start(String name, List<String> jvmOptions, String classPath, String mainClass, List<String> args,
      Path stderrLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()))
          .start();
      return new ChildJvm(name, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  private void readStdout() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("start ")) {
          handlerStarts.add(Long.parseLong(line.substring(6).trim()));
        } else {
          replies.add(line);
        }
      }
    } catch (IOException | NumberFormatException ended) {
      // the child is gone; waiters time out with its name
    }
  }

  /** The next line that starts with {@code prefix} (others are skipped), or an exception after {@code timeout}. */
  String awaitLine(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String line = replies.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new IllegalStateException(name + " did not say '" + prefix + "' within " + timeout.toSeconds()
              + " s (alive: " + process.isAlive() + "); see its log");
        }
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }

  /** Sends a command and returns the reply line starting with {@code replyPrefix}. */
  synchronized String ask(String command, String replyPrefix, Duration timeout) {
    tell(command);
    return awaitLine(replyPrefix, timeout);
  }

  synchronized void tell(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + " does not take commands any more: " + e.getMessage(), e);
    }
  }

  /** The next handler start (System.nanoTime() in the child), or null after {@code timeout}. */
  Long nextHandlerStart(Duration timeout) throws InterruptedException {
    return handlerStarts.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  void clearHandlerStarts() {
    handlerStarts.clear();
  }

  /** Asks the child to quit, waits for it, and kills it if it does not go. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          tell("quit");
        } catch (UncheckedIOException alreadyGone) {
          // fall through to the wait
        }
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Kills the child with SIGKILL, as a crash would, and waits until it is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the child with SIGTERM (the engine stops on its shutdown hook). */
  void terminate() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
