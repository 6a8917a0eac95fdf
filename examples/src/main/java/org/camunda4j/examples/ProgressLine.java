package org.camunda4j.examples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A status line redrawn in place on a terminal; elsewhere (a pipe, a test) a plain line now and
 * then, so logs stay readable. On a terminal, {@code System.out} is wrapped while the line shows, so
 * a log line first erases the status line instead of being glued to its end; the next redraw puts
 * the status back under it.
 */
final class ProgressLine implements AutoCloseable {

  private static final String ERASE_LINE = "\r\033[K";

  private final PrintStream out;
  private final Supplier<String> status;
  private final boolean terminal = System.console() != null;
  private final PrintStream originalSystemOut = System.out;
  private final Thread painter;
  private volatile boolean running = true;
  private boolean shown; // guarded by out

  ProgressLine(PrintStream out, Supplier<String> status) {
    this.out = out;
    this.status = status;
    if (terminal) {
      System.setOut(new PrintStream(new ErasingStream(), true));
    }
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
        out.print(ERASE_LINE + status.get());
        shown = true;
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
      System.setOut(originalSystemOut);
      out.println();
    }
  }

  /** What {@code System.out} writes to while the line shows: erase the status line, then write. */
  private final class ErasingStream extends OutputStream {

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (out) {
        if (shown) {
          originalSystemOut.print(ERASE_LINE);
          shown = false;
        }
        originalSystemOut.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() {
      originalSystemOut.flush();
    }
  }
}
