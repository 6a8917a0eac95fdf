package org.camunda4j.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Parsers for option values. Each throws an {@link IllegalArgumentException} whose message says what
 * is wrong with the value and what to give instead; the command line prefixes the option's name.
 */
public final class Values {

  private Values() {}

  /** A TCP port, 0 to 65535 (0 picks a free one). */
  public static int port(String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // falls through to the same message as an out-of-range number
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a port; give a number from 1 to 65535, or 0 to pick a free one");
  }

  /** A host name or address this machine can resolve (so a typo fails here, not at bind time). */
  public static String host(String text) {
    try {
      InetAddress.getByName(text);
      return text;
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException(
          "cannot resolve host '" + text + "'; give an address such as 127.0.0.1 or 0.0.0.0, or a name this machine resolves");
    }
  }

  /** A positive number. */
  public static int positiveInt(String text) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the same message as a non-positive number
    }
    throw new IllegalArgumentException("'" + text + "' is not a positive whole number; give one such as 10");
  }

  /** A duration as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}. */
  public static Duration duration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(text.trim());
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's': return Duration.ofSeconds(amount);
        case 'm': return Duration.ofMinutes(amount);
        case 'h': return Duration.ofHours(amount);
        case 'd': return Duration.ofDays(amount);
        default: break;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a duration; give a number with a unit (500ms, 30s, 5m, 2h, 7d) or ISO-8601 (PT30S)");
  }

  /** A file system path (it need not exist yet). */
  public static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid path: " + e.getReason());
    }
  }

  /** One of the given choices, case-insensitively; returned as the choice is spelled. */
  public static String oneOf(String text, String... choices) {
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(text.trim())) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not one of " + String.join(", ", choices) + Suggestions.didYouMean(text, java.util.List.of(choices)));
  }
}
