package org.camunda4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes a {@code cross-process} result into the docs: the raw JSON and one SVG bar chart per figure
 * under {@code docs/bench/}, named after the section, and the table of {@code docs/benchmarks.md}
 * between the section's {@code <!-- NAME:begin ... -->} and {@code <!-- NAME:end -->} markers. So the
 * published figures are always one run's, whole, and one command regenerates them.
 */
final class CrossProcessDocs {

  private CrossProcessDocs() {}

  static void write(CrossProcessBench.Result result, Path docs, String sectionName) {
    String begin = "<!-- " + sectionName + ":begin (written by bench cross-process --write-docs) -->";
    String end = "<!-- " + sectionName + ":end -->";
    try {
      Path dir = Files.createDirectories(docs.resolve("bench"));
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve(sectionName + ".json").toFile(), result);
      List<CrossProcessBench.Row> rows = result.rows();
      chart(dir.resolve(sectionName + "-jobs.svg"), "jobs/s (higher is better)", rows, CrossProcessBench.Row::jobsPerSecond, "%,.0f");
      chart(dir.resolve(sectionName + "-cpu.svg"), "worker CPU ms per 1,000 jobs (lower is better)", rows,
          CrossProcessBench.Row::cpuMillisPer1k, "%,.0f");
      chart(dir.resolve(sectionName + "-heap.svg"), "worker live heap after full GC, MB (lower is better)", rows,
          CrossProcessBench.Row::liveHeapMb, "%.1f");
      chart(dir.resolve(sectionName + "-idle-latency.svg"), "idle latency p50, ms (lower is better)", rows,
          CrossProcessBench.Row::idleLatencyP50Millis, "%.2f");
      Path markdown = docs.resolve("benchmarks.md");
      String text = Files.readString(markdown);
      int from = text.indexOf(begin);
      int to = text.indexOf(end);
      if (from < 0 || to < from) {
        throw new IllegalStateException(markdown + " has no " + begin + " ... " + end + " section to write into");
      }
      String updated = text.substring(0, from) + begin + "\n" + section(result, sectionName) + end
          + text.substring(to + end.length());
      Files.writeString(markdown, updated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cross-process docs: " + e.getMessage(), e);
    }
  }

  private static String section(CrossProcessBench.Result result, String name) {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(table, true, StandardCharsets.UTF_8)) {
      CrossProcessBench.toTable(result.rows()).print(out);
    }
    return result.machine().replace("\n", " ") + "\n\n"
        + table.toString(StandardCharsets.UTF_8) + "\n"
        + "`" + result.command() + "` (raw samples of every round: [`bench/" + name + ".json`](bench/" + name
        + ".json))\n\n"
        + "![jobs/s](bench/" + name + "-jobs.svg)\n![CPU per 1k jobs](bench/" + name + "-cpu.svg)\n"
        + "![live heap](bench/" + name + "-heap.svg)\n![idle latency](bench/" + name + "-idle-latency.svg)\n";
  }

  /** A horizontal bar chart, one bar per row, the value printed at the end of each bar. */
  static void chart(Path file, String title, List<CrossProcessBench.Row> rows, ToDoubleFunction<CrossProcessBench.Row> value,
      String format) throws IOException {
    int labelWidth = 170;
    int barWidth = 380;
    int rowHeight = 24;
    int top = 34;
    double max = rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(1);
    StringBuilder svg = new StringBuilder();
    int height = top + rows.size() * rowHeight + 10;
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        labelWidth + barWidth + 90, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        escape(title)));
    for (int i = 0; i < rows.size(); i++) {
      CrossProcessBench.Row row = rows.get(i);
      double v = value.applyAsDouble(row);
      int y = top + i * rowHeight;
      int width = Double.isNaN(v) || max <= 0 ? 0 : (int) Math.round(v / max * barWidth);
      String colour = row.worker().startsWith("official") ? "#9e9e9e" : "#1f6fb2";
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", labelWidth - 8,
          y + 15, escape(row.worker())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>%n",
          labelWidth, y + 2, width, colour));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + width + 6, y + 15,
          Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v)));
    }
    svg.append("</svg>\n");
    Files.writeString(file, svg.toString());
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
