package org.camunda4j.engine.internal.rest.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda4j.engine.internal.rest.ApiException;

/** Reads filter values from JSON into the comparable form of a field's kind. */
final class SearchValues {

  private SearchValues() {}

  /** One filter value for {@code field}; never null (null means "no condition" upstream). */
  static Comparable<?> read(SearchFields.Field<?> field, String operator, JsonNode value) {
    String where = field.name() + (operator == null ? "" : "." + operator);
    return switch (field.kind()) {
      case STRING -> text(where, value);
      // A $like pattern on an enum is not a constant itself.
      case ENUM -> "$like".equals(operator) ? text(where, value) : enumName(field, where, value);
      case KEY -> key(where, value);
      case INTEGER -> integer(where, value);
      case DATE -> date(where, value);
      case BOOLEAN -> bool(where, value);
    };
  }

  private static String text(String where, JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      throw invalid(where, value, "a string");
    }
    return value.asText();
  }

  private static String enumName(SearchFields.Field<?> field, String where, JsonNode value) {
    String name = text(where, value);
    Enum<?>[] constants = field.enumType().getEnumConstants();
    for (Enum<?> constant : constants) {
      if (constant.name().equals(name)) {
        return name;
      }
    }
    throw invalid(where, value, "one of " + Arrays.toString(constants));
  }

  private static Long key(String where, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw invalid(where, value, "a numeric key");
  }

  private static Long integer(String where, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw invalid(where, value, "an integer");
  }

  private static Instant date(String where, JsonNode value) {
    if (value.isTextual()) {
      try {
        return OffsetDateTime.parse(value.asText()).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
    }
    throw invalid(where, value, "an RFC 3339 date-time such as 2025-01-31T12:00:00Z");
  }

  private static Boolean bool(String where, JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
      return Boolean.valueOf(value.asText());
    }
    throw invalid(where, value, "true or false");
  }

  /** An array of strings, e.g. a {@code tags} filter. */
  static List<String> stringArray(String where, JsonNode value) {
    if (!value.isArray()) {
      throw invalid(where, value, "an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      strings.add(text(where, element));
    }
    return strings;
  }

  /**
   * A {@code $like} pattern: {@code *} any run of characters, {@code ?} exactly one, {@code \}
   * escapes the next character.
   */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        literal.append(like.charAt(++i));
      } else if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  static ApiException invalid(String where, JsonNode value, String expectation) {
    String shown = value.isTextual() ? value.asText() : value.toString();
    return ApiException.invalidArgument(
        "The value for filter." + where + " is '" + shown + "' but must be " + expectation + ".");
  }
}
