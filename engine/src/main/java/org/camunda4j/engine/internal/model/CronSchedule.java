package org.camunda4j.engine.internal.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cron timer cycle as Camunda accepts it: six fields, {@code second minute hour day-of-month month
 * day-of-week} ({@code 0 0 9-17 * * MON-FRI}), with {@code *}, {@code ?}, lists, ranges, steps,
 * month and day names, and the macros {@code @yearly}, {@code @monthly}, {@code @weekly},
 * {@code @daily}, {@code @hourly}. Evaluated in UTC on the engine clock. Both day fields must match
 * when both are restricted.
 */
public final class CronSchedule {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * 0",
          "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek; // 0 = Sunday

  private CronSchedule(BitSet seconds, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek) {
    this.seconds = seconds;
    this.minutes = minutes;
    this.hours = hours;
    this.daysOfMonth = daysOfMonth;
    this.months = months;
    this.daysOfWeek = daysOfWeek;
  }

  /** Whether the text looks like a cron expression rather than an ISO-8601 repeating interval. */
  public static boolean looksLikeCron(String text) {
    String value = text.strip();
    return value.startsWith("@") || value.split("\\s+").length >= 5;
  }

  public static CronSchedule parse(String text) {
    String value = MACROS.getOrDefault(text.strip().toLowerCase(Locale.ROOT), text.strip());
    String[] fields = value.split("\\s+");
    if (fields.length != 6) {
      throw new IllegalArgumentException(
          "a cron cycle has six fields (second minute hour day-of-month month day-of-week), found " + fields.length);
    }
    BitSet daysOfWeek = field(fields[5], 0, 7, DAYS);
    if (daysOfWeek.get(7)) {
      daysOfWeek.set(0); // 7 is Sunday too
      daysOfWeek.clear(7);
    }
    return new CronSchedule(
        field(fields[0], 0, 59, null), field(fields[1], 0, 59, null), field(fields[2], 0, 23, null), field(fields[3], 1, 31, null),
        field(fields[4], 1, 12, MONTHS), daysOfWeek);
  }

  /** The first time strictly after {@code afterMillis} that matches, in epoch milliseconds. */
  public long next(long afterMillis) {
    ZonedDateTime t = Instant.ofEpochMilli(afterMillis).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(t.getDayOfWeek().getValue() % 7)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      } else if (!seconds.get(t.getSecond())) {
        t = t.plusSeconds(1);
      } else {
        return t.toInstant().toEpochMilli();
      }
    }
    throw new IllegalArgumentException("the cron cycle never matches a date in the next five years");
  }

  private static BitSet field(String text, int min, int max, List<String> names) {
    BitSet bits = new BitSet();
    for (String part : text.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = Integer.parseInt(part.substring(slash + 1));
        range = part.substring(0, slash);
        if (step <= 0) {
          throw new IllegalArgumentException("a cron step must be positive, found '" + part + "'");
        }
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = value(ends[0], names, min);
        to = value(ends[1], names, min);
      } else {
        from = value(range, names, min);
        to = slash >= 0 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("the cron field '" + text + "' is outside " + min + "-" + max);
      }
      for (int i = from; i <= to; i += step) {
        bits.set(i);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names, int min) {
    if (names != null) {
      int index = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (index >= 0) {
        return index + (min == 1 ? 1 : 0);
      }
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a cron value (L, W and # are not supported)");
    }
  }
}
