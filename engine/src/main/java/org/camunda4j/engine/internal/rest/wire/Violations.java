package org.camunda4j.engine.internal.rest.wire;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda4j.engine.internal.rest.ApiException;

/**
 * Collects request validation messages in the gateway's wording and throws them as one 400,
 * e.g. "No type provided. The value for timeout is '0' but must be greater than 0."
 */
public final class Violations {


  private static final Pattern TAG = Pattern.compile("^[A-Za-z][A-Za-z0-9_\\-:.]{0,99}$");
  private static final int MAX_TAGS = 10;

  private final List<String> messages = new ArrayList<>();

  /** Adds a message (without final period). */
  public Violations add(String message) {
    messages.add(message);
    return this;
  }

  /** "No {name} provided" if {@code value} is null, or blank for a string. */
  public Violations required(String name, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      add("No " + name + " provided");
    }
    return this;
  }

  public Violations positive(String name, Number value) {
    if (value != null && value.longValue() <= 0) {
      invalid(name, value, "greater than 0");
    }
    return this;
  }

  public Violations notNegative(String name, Number value) {
    if (value != null && value.longValue() < 0) {
      invalid(name, value, "greater than or equal to 0");
    }
    return this;
  }

  public Violations inRange(String name, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      invalid(name, value, "within the [" + min + "," + max + "] range");
    }
    return this;
  }

  /** An optional key given as a string must be a decimal long. */
  public Violations key(String name, String value) {
    if (value != null) {
      try {
        Long.parseLong(value);
      } catch (NumberFormatException e) {
        invalid(name, value, "a numeric key");
      }
    }
    return this;
  }

  /** An optional RFC 3339 date-time; an empty string is allowed where it means "clear". */
  public Violations date(String name, String value, boolean emptyClears) {
    if (value == null || (emptyClears && value.isEmpty())) {
      return this;
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      add(
          "The provided "
              + name
              + " '"
              + value
              + "' cannot be parsed as a date according to RFC 3339, section 5.6");
    }
    return this;
  }

  /** {@code operationReference} is optional, and at least 1 when given. */
  public Violations operationReference(Long value) {
    return positive("operationReference", value);
  }

  /** A TagSet: at most 10 tags, each a letter followed by up to 99 of [A-Za-z0-9_-:.]. */
  public Violations tags(Collection<String> tags) {
    if (tags == null) {
      return this;
    }
    if (tags.size() > MAX_TAGS) {
      add("The value for tags has " + tags.size() + " entries but must have at most " + MAX_TAGS);
    }
    for (String tag : tags) {
      if (tag == null || !TAG.matcher(tag).matches()) {
        invalid(
            "tags",
            tag,
            "a letter followed by at most 99 letters, digits or the characters _-:.");
      }
    }
    return this;
  }

  private void invalid(String name, Object value, String expectation) {
    add("The value for " + name + " is '" + value + "' but must be " + expectation);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** Throws 400 INVALID_ARGUMENT with all messages, if there are any. */
  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw ApiException.invalidArgument(String.join(". ", messages) + ".");
    }
  }
}
