package org.camunda4j.engine.internal.processing;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Due and follow-up dates are kept as ISO 8601 date-times with offset, written one way
 * ({@code 2030-01-10T10:00:00Z}) whether they came from the model, a FEEL date-time or a client.
 */
final class UserTaskDates {

  private UserTaskDates() {}

  /** The date in its kept form; null and "" (clear) pass through unchanged. */
  static String normalize(String date) {
    if (date == null || date.isEmpty()) {
      return date;
    }
    String text = date.strip();
    try {
      return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException notOffset) {
      try {
        // FEEL date-times with a zone id print as 2030-01-10T10:00+01:00[Europe/Berlin]
        return ZonedDateTime.parse(text).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + date + "' is not an ISO 8601 date-time with offset, e.g. 2030-01-10T10:00:00Z");
      }
    }
  }
}
