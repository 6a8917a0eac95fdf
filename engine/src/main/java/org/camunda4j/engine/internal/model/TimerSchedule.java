package org.camunda4j.engine.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.camunda4j.engine.internal.feel.FeelException;

/**
 * When a timer falls due: ISO-8601 dates ({@code 2026-12-01T10:00:00Z}), durations ({@code PT5M},
 * {@code P1D}, {@code P1M}) and repeating intervals ({@code R3/PT10S}, {@code R/PT1H},
 * {@code R2/2026-12-01T10:00:00Z/PT1H}), and cron cycles ({@code 0 0 9 * * MON-FRI}, see {@link CronSchedule}).
 *
 * @param repetitions how many more times a cycle fires after the first (-1: forever)
 * @param cron for a cron cycle, its expression: each next due date comes from it, not from an interval
 */
public record TimerSchedule(long firstDue, int repetitions, long intervalMillis, String cron) {

  public static TimerSchedule of(TimerDefinition.Kind kind, String text, long now) throws FeelException {
    String value = text.strip();
    try {
      return switch (kind) {
        case DATE -> new TimerSchedule(parseDate(value), 0, 0, null);
        case DURATION -> new TimerSchedule(plus(now, value), 0, 0, null);
        case CYCLE ->
            CronSchedule.looksLikeCron(value) ? new TimerSchedule(CronSchedule.parse(value).next(now), -1, 0, value) : cycle(value, now);
      };
    } catch (DateTimeParseException | ArithmeticException | IllegalArgumentException e) {
      if (kind == TimerDefinition.Kind.CYCLE && CronSchedule.looksLikeCron(value)) {
        throw new FeelException("Expected a timer cycle as a cron expression (e.g. 0 0 9 * * MON-FRI), but found '" + value + "': " + e.getMessage());
      }
      throw new FeelException(
          "Expected a timer " + kind.name().toLowerCase() + " in ISO-8601 form (e.g. " + example(kind) + "), but found '" + value + "'");
    }
  }

  private static TimerSchedule cycle(String value, long now) {
    String[] parts = value.split("/");
    if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
      throw new DateTimeParseException("not a repeating interval", value, 0);
    }
    int total = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    String interval = parts[parts.length - 1];
    long intervalMillis = plus(now, interval) - now;
    if (intervalMillis <= 0) {
      throw new DateTimeParseException("interval must be positive", value, 0);
    }
    long first = parts.length == 3 ? parseDate(parts[1]) : now + intervalMillis;
    return new TimerSchedule(first, total < 0 ? -1 : Math.max(0, total - 1), intervalMillis, null);
  }

  static long plus(long now, String duration) {
    String upper = duration.toUpperCase();
    int timeAt = upper.indexOf('T');
    String datePart = timeAt < 0 ? upper : upper.substring(0, timeAt);
    boolean calendar = datePart.contains("Y") || datePart.contains("M") || datePart.contains("W");
    if (!calendar) {
      return Math.addExact(now, Duration.parse(upper).toMillis());
    }
    ZonedDateTime from = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
    ZonedDateTime to = from.plus(Period.parse(datePart));
    if (timeAt >= 0) {
      to = to.plus(Duration.parse("PT" + upper.substring(timeAt + 1)));
    }
    return to.toInstant().toEpochMilli();
  }

  static long parseDate(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return ZonedDateTime.parse(value).toInstant().toEpochMilli();
    }
  }

  private static String example(TimerDefinition.Kind kind) {
    return switch (kind) {
      case DATE -> "2026-12-01T10:00:00Z";
      case DURATION -> "PT5M";
      case CYCLE -> "R3/PT10S or 0 0 9 * * MON-FRI";
    };
  }
}
