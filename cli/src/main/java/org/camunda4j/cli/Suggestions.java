package org.camunda4j.cli;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" for a mistyped name: the nearest known name by edit distance, if it is near enough. */
public final class Suggestions {

  private Suggestions() {}

  /** {@code "; did you mean --port?"}, or an empty string when nothing is near. */
  public static String didYouMean(String typed, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(name -> distance(typed, name)))
        .filter(nearest -> distance(typed, nearest) <= Math.max(2, nearest.length() / 3))
        .map(nearest -> "; did you mean " + nearest + "?")
        .orElse("");
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(java.util.Locale.ROOT);
    String t = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
