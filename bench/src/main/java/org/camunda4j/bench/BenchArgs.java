package org.camunda4j.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of one sub-command. Unknown options are an error, not silently
 * ignored, so a typo cannot make a run measure something else than the command line says.
 */
final class BenchArgs {

  private final Map<String, String> values;

  private BenchArgs(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code args}, accepting only the option names in {@code allowed} (without the dashes). */
  static BenchArgs parse(List<String> args, Set<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --name value");
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", allowed));
      }
      values.put(name, value);
    }
    return new BenchArgs(values);
  }

  int intValue(String name, int defaultValue, int min) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + raw + "'");
    }
    if (value < min) {
      throw new IllegalArgumentException("--" + name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  String stringValue(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }
}
