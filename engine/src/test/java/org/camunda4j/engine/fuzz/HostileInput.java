package org.camunda4j.engine.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Makes hostile input from a seeded {@link Random}: JSON values of every type and size (deep nesting,
 * huge numbers, long and odd strings), mutations of valid bodies, and text that is not JSON at all.
 */
final class HostileInput {

  private static final List<String> ODD_STRINGS = List.of(
      "", " ", "null", "-1", "0", "9223372036854775808", "1e309", "NaN", "\u0000", "\uD800", "<default>", "../../etc/passwd",
      "${jndi:ldap://x}", "=1/0", "' OR 1=1 --", "\"", "\\", "{\"a\":", "\u202E\u0645", "😀".repeat(50),
      "A".repeat(70_000), "=now()", "= x.y.z[1]", "PT-1S", "P9999999999D", "2026-13-45T99:99:99Z", "CREATED", "<bpmn:definitions/>");

  private HostileInput() {}

  /** Any JSON value, at most {@code depth} levels deep. */
  static String jsonValue(Random random, int depth) {
    int kind = random.nextInt(depth <= 0 ? 6 : 9);
    return switch (kind) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> number(random);
      case 3, 4 -> quoted(string(random));
      case 5 -> quoted(Long.toString(random.nextLong()));
      case 6 -> {
        StringBuilder array = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
          array.append(jsonValue(random, depth - 1)).append(i > 1 ? "," : "");
        }
        yield array.append(']').toString();
      }
      default -> {
        StringBuilder object = new StringBuilder("{");
        for (int i = random.nextInt(5); i > 0; i--) {
          object.append(quoted(random.nextInt(3) == 0 ? string(random) : pick(random, FIELD_NAMES)))
              .append(':').append(jsonValue(random, depth - 1)).append(i > 1 ? "," : "");
        }
        yield object.append('}').toString();
      }
    };
  }

  /** Field names the API knows, so that random objects reach past the first check. */
  static final List<String> FIELD_NAMES = List.of(
      "processDefinitionId", "processDefinitionKey", "processDefinitionVersion", "variables", "tenantId", "awaitCompletion",
      "requestTimeout", "fetchVariables", "type", "worker", "timeout", "maxJobsToActivate", "tenantIds", "fetchVariable",
      "retries", "errorMessage", "retryBackOff", "errorCode", "result", "changeset", "name", "correlationKey",
      "timeToLive", "messageId", "signalName", "filter", "sort", "page", "limit", "from", "after", "before", "field",
      "order", "state", "assignee", "allowOverride", "action", "local", "timestamp", "operationReference", "startInstructions",
      "elementId", "tags", "denied", "corrections", "candidateGroups", "priority", "$eq", "$in", "$like", "$exists", "$gt");

  static String number(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> "-1";
      case 1 -> "0";
      case 2 -> "9223372036854775808";
      case 3 -> "1e309";
      case 4 -> "-0.0";
      case 5 -> "1" + "0".repeat(random.nextInt(400));
      case 6 -> Double.toString(random.nextDouble() * 1e6);
      default -> Integer.toString(random.nextInt());
    };
  }

  static String string(Random random) {
    if (random.nextInt(3) == 0) {
      return pick(random, ODD_STRINGS);
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(20); i > 0; i--) {
      text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26));
    }
    return text.toString();
  }

  /** A JSON string literal, escaped so that the JSON itself stays valid. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** Text that is not JSON, or is JSON only in shape: truncated, deeply nested, binary. */
  static String broken(Random random, String valid) {
    return switch (random.nextInt(6)) {
      case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
      case 1 -> "[".repeat(2_000 + random.nextInt(20_000));
      case 2 -> "{\"a\":".repeat(2_000 + random.nextInt(5_000));
      case 3 -> {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        yield new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      case 4 -> valid + "}}}";
      default -> valid.replace(":", "=");
    };
  }

  /** A copy of {@code text} with one random edit: a range deleted, duplicated or replaced by garbage. */
  static String mutate(Random random, String text) {
    if (text.isEmpty()) {
      return string(random);
    }
    int from = random.nextInt(text.length());
    int to = Math.min(text.length(), from + 1 + random.nextInt(Math.max(1, Math.min(200, text.length() - from))));
    return switch (random.nextInt(4)) {
      case 0 -> text.substring(0, from) + text.substring(to);
      case 1 -> text.substring(0, to) + text.substring(from, to) + text.substring(to);
      case 2 -> text.substring(0, from) + string(random) + text.substring(to);
      default -> text.substring(0, from);
    };
  }

  static <T> T pick(Random random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
