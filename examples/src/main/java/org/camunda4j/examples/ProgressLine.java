package org.camunda4j.examples;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A status line redrawn in place on a terminal ({@code \r}); elsewhere (a pipe, a test) it prints a
 * plain line now and then instead, so logs stay readable.
 */
final class ProgressLine implements AutoCloseable {

  private final PrintStream out;
  private final Supplier<String> status;
  private final boolean terminal = System.console() != null;
  private final Thread painter;
  private volatile boolean running = true;

  ProgressLine(PrintStream out, Supplier<String> status) {
    this.out = out;
    this.status = status;
    this.painter = Thread.ofPlatform().daemon().name("progress-line").start(this::paint);
  }

  private void paint() {
    long every = terminal ? 200 : 2_000;
    while (running) {
      try {
        Thread.sleep(every);
      } catch (InterruptedException e) {
        return;
      }
      show();
    }
  }

  private void show() {
    synchronized (out) {
      if (terminal) {
        out.print("\r" + status.get() + "   ");
      } else {
        out.println(status.get());
      }
      out.flush();
    }
  }

  @Override
  public void close() {
    running = false;
    painter.interrupt();
    try {
      painter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    show();
    if (terminal) {
      out.println();
    }
  }
}
