package org.camunda4j.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code bench jfr-summary --file F.jfr [--top 15]}: where a recording's CPU samples went, in three
 * short tables: by thread (digits folded, so a thread-per-call shows as one name), by top frame (self
 * time), and by the first frame of a chosen package on the stack (inclusive time of our code paths).
 */
final class JfrSummary {

  static final String NAME = "jfr-summary";
  static final Set<String> OPTIONS = Set.of("file", "top");
  static final String USAGE = NAME + " --file F.jfr [--top 15]\n"
      + "    CPU samples (jdk.ExecutionSample) of a recording by thread, by top frame and by library";

  record Options(Path file, int top) {
    static Options parse(BenchArgs args) {
      String file = args.stringValue("file", null);
      if (file == null) {
        throw new IllegalArgumentException("--file is required");
      }
      return new Options(Path.of(file), args.intValue("top", 15, 1));
    }
  }

  private JfrSummary() {}

  static void run(Options options, PrintStream out) {
    Map<String, Integer> byThread = new HashMap<>();
    Map<String, Integer> byFrame = new HashMap<>();
    Map<String, Integer> byLibrary = new HashMap<>();
    int total = 0;
    try (RecordingFile recording = new RecordingFile(options.file())) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        total++;
        RecordedThread thread = event.getThread("sampledThread");
        String threadName = thread == null ? "?" : thread.getJavaName();
        byThread.merge(threadName == null ? "?" : threadName.replaceAll("\\d+", "#"), 1, Integer::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        RecordedFrame top = stack.getFrames().getFirst();
        byFrame.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
        byLibrary.merge(library(stack.getFrames()), 1, Integer::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.file() + ": " + e.getMessage(), e);
    }
    out.println("== " + NAME + ": " + options.file() + ", " + total + " CPU samples ==");
    print(out, "thread", byThread, total, options.top());
    print(out, "top frame (self)", byFrame, total, options.top());
    print(out, "library of the innermost non-JDK frame", byLibrary, total, options.top());
  }

  /** The package family of the innermost frame that is not the JDK's own, or the JDK area if all are. */
  private static String library(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        String[] parts = type.split("\\.");
        return parts.length >= 4 ? String.join(".", parts[0], parts[1], parts[2], parts[3]) : type;
      }
    }
    String type = frames.getFirst().getMethod().getType().getName();
    String[] parts = type.split("\\.");
    return "(JDK only) " + (parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : type);
  }

  private static void print(PrintStream out, String what, Map<String, Integer> counts, int total, int top) {
    ResultTable table = new ResultTable(what, "samples", "share");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> table.row(e.getKey(), e.getValue(), String.format("%.1f %%", 100.0 * e.getValue() / Math.max(1, total))));
    table.print(out);
    out.println();
  }
}
