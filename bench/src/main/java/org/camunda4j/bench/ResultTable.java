package org.camunda4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table, labels left and numbers right, readable in a terminal and pasteable into Markdown. */
final class ResultTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  ResultTable(String... header) {
    this.header = List.of(header);
  }

  ResultTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toList());
    return this;
  }

  void print(PrintStream out) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    printRow(out, header, widths);
    // The first column (labels) reads best left-aligned, the numbers right-aligned.
    StringBuilder rule = new StringBuilder("|:").append("-".repeat(widths[0] + 1)).append("|");
    for (int c = 1; c < widths.length; c++) {
      rule.append("-".repeat(widths[c] + 1)).append(":|");
    }
    out.println(rule);
    for (List<String> row : rows) {
      printRow(out, row, widths);
    }
  }

  private static void printRow(PrintStream out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int c = 0; c < widths.length; c++) {
      String padding = " ".repeat(widths[c] - cells.get(c).length());
      line.append(' ').append(c == 0 ? cells.get(c) + padding : padding + cells.get(c)).append(" |");
    }
    out.println(line);
  }

  /** A rate with no more digits than a noisy machine justifies. */
  static String rate(double perSecond) {
    return perSecond >= 100 ? String.format("%,.0f", perSecond) : String.format("%.1f", perSecond);
  }

  static String millis(double millis) {
    return millis >= 100 ? String.format("%,.0f", millis) : String.format("%.2f", millis);
  }
}
