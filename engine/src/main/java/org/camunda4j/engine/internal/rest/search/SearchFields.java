package org.camunda4j.engine.internal.rest.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fields of one resource that a search may filter or sort on, each with its type and accessor.
 * Declare them once per resource:
 *
 * <pre>{@code
 * SearchFields<Job> JOB_FIELDS = SearchFields.<Job>builder()
 *     .key("jobKey", Job::key)            // the first key declared orders results by default
 *     .string("type", Job::type)
 *     .integer("retries", Job::retries)
 *     .date("deadline", Job::deadline)
 *     .enumeration("state", JobState.class, Job::state)
 *     .bool("hasFailedWithRetriesLeft", Job::hasFailedWithRetriesLeft)
 *     .build();
 * }</pre>
 *
 * Accessors may return {@code null}. Strings compare as strings; keys as longs (a {@code long}, a
 * {@code Long} or a decimal string); integers as longs; dates as instants (an {@link Instant},
 * {@link OffsetDateTime}, {@link ZonedDateTime}, epoch-ms {@code Long} or RFC 3339 string); enums by
 * name.
 */
public final class SearchFields<T> {

  private final Map<String, Field<T>> fields;
  private final Field<T> defaultOrder;

  private SearchFields(Map<String, Field<T>> fields, Field<T> defaultOrder) {
    this.fields = Collections.unmodifiableMap(fields);
    this.defaultOrder = defaultOrder;
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  Field<T> get(String name) {
    return fields.get(name);
  }

  /** The declared names, sorted, for error messages. */
  List<String> names() {
    return fields.keySet().stream().sorted().toList();
  }

  /** The first declared key field, the default and tie-breaking order; may be null. */
  Field<T> defaultOrder() {
    return defaultOrder;
  }

  /**
   * One declared field.
   *
   * @param values the item's comparable values: one (possibly null) for a plain field, the
   *     elements for a collection field
   * @param custom for a custom field, turns the filter value into a predicate; else null
   */
  record Field<T>(
      String name,
      FieldKind kind,
      Function<T, List<Comparable<?>>> values,
      Function<JsonNode, Predicate<T>> custom,
      Class<? extends Enum<?>> enumType) {

    Comparable<?> sortValue(T item) {
      List<Comparable<?>> all = values.apply(item);
      return all.isEmpty() ? null : all.get(0);
    }
  }

  /** Declares fields; names must be unique. */
  public static final class Builder<T> {
    private final Map<String, Field<T>> fields = new LinkedHashMap<>();
    private Field<T> defaultOrder;

    private Builder() {}

    public Builder<T> string(String name, Function<T, String> accessor) {
      put(new Field<>(name, FieldKind.STRING, single(accessor), null, null));
      return this;
    }

    /** A key; the first key declared is the default sort order and the final tie-breaker. */
    public Builder<T> key(String name, Function<T, ?> accessor) {
      Field<T> field =
          put(
              new Field<>(
                  name, FieldKind.KEY, single(accessor.andThen(SearchFields::toKey)), null, null));
      if (defaultOrder == null) {
        defaultOrder = field;
      }
      return this;
    }

    public Builder<T> integer(String name, Function<T, ? extends Number> accessor) {
      put(
          new Field<>(
              name,
              FieldKind.INTEGER,
              single(accessor.andThen(n -> n == null ? null : n.longValue())),
              null,
              null));
      return this;
    }

    public Builder<T> date(String name, Function<T, ?> accessor) {
      put(
          new Field<>(
              name, FieldKind.DATE, single(accessor.andThen(SearchFields::toInstant)), null, null));
      return this;
    }

    public Builder<T> bool(String name, Function<T, Boolean> accessor) {
      put(new Field<>(name, FieldKind.BOOLEAN, single(accessor), null, null));
      return this;
    }

    /** An enum field: filter values must be constants of {@code type}. */
    public <E extends Enum<E>> Builder<T> enumeration(
        String name, Class<E> type, Function<T, E> accessor) {
      Objects.requireNonNull(type, "type");
      put(
          new Field<>(
              name,
              FieldKind.ENUM,
              single(accessor.andThen(e -> e == null ? null : e.name())),
              null,
              type));
      return this;
    }

    /**
     * A string field with many values per item (e.g. {@code candidateGroup}): a positive operator
     * matches if any element matches, a negative one ({@code $neq}, {@code $notIn}) if none does.
     */
    public Builder<T> strings(String name, Function<T, ? extends Collection<String>> accessor) {
      Function<T, List<Comparable<?>>> values =
          item -> {
            Collection<String> all = accessor.apply(item);
            return all == null ? List.of() : List.copyOf(all);
          };
      put(new Field<>(name, FieldKind.STRING, values, null, null));
      return this;
    }

    /**
     * An integer field with many values per item (e.g. the error hash codes of a process instance's
     * incidents): a positive operator matches if any value matches, a negative one if none does.
     */
    public Builder<T> integers(String name, Function<T, ? extends Collection<? extends Number>> accessor) {
      Function<T, List<Comparable<?>>> values =
          item -> {
            Collection<? extends Number> all = accessor.apply(item);
            return all == null ? List.of() : all.stream().<Comparable<?>>map(Number::longValue).toList();
          };
      put(new Field<>(name, FieldKind.INTEGER, values, null, null));
      return this;
    }

    /**
     * A filter-only field {@code [{name, value}]} over an item's variables, given as name to JSON
     * text: each entry holds when the named variable exists and its JSON text passes {@code value},
     * a string or any string operator ({@code $eq}, {@code $neq}, {@code $exists}, {@code $in},
     * {@code $notIn}, {@code $like}). A missing variable passes only {@code {"$exists": false}}.
     */
    public Builder<T> variableValues(String name, Function<T, Map<String, String>> variables) {
      return custom(
          name,
          conditions -> {
            if (!conditions.isArray()) {
              throw org.camunda4j.engine.internal.rest.ApiException.invalidArgument(
                  "The filter '" + name + "' must be an array of {name, value} objects");
            }
            Predicate<T> all = item -> true;
            for (JsonNode condition : conditions) {
              String variable = condition.path("name").isTextual() ? condition.path("name").asText() : null;
              JsonNode value = condition.get("value");
              if (variable == null || value == null || value.isNull()) {
                throw org.camunda4j.engine.internal.rest.ApiException.invalidArgument(
                    "Each entry of the filter '" + name + "' needs a 'name' and a 'value': the variable's JSON text"
                        + " (\"\\\"gold\\\"\" for the string gold) or a string operator such as {\"$like\": \"*gold*\"}");
              }
              Field<String> text = new Field<>(name + "[" + variable + "].value", FieldKind.STRING, v -> Collections.singletonList(v), null, null);
              Predicate<String> passes = Search.condition(text, value);
              boolean asksAbsence = value.isObject() && value.has("$exists");
              all = all.and(item -> {
                String json = variables.apply(item).get(variable);
                return json == null ? asksAbsence && passes.test(null) : passes.test(json);
              });
            }
            return all;
          });
    }

    /**
     * A filter-only field with its own matching, e.g. the {@code variables} filter. The parser gets
     * the filter value (never null, never an empty array: those mean "no condition") and throws
     * {@link org.camunda4j.engine.internal.rest.ApiException} for a bad one.
     */
    public Builder<T> custom(String name, Function<JsonNode, Predicate<T>> parser) {
      Objects.requireNonNull(parser, "parser");
      put(new Field<>(name, FieldKind.STRING, item -> List.of(), parser, null));
      return this;
    }

    /**
     * A set-valued filter-only field such as {@code tags}: the filter is an array of strings and
     * matches items carrying all of them.
     */
    public Builder<T> containsAll(
        String name, Function<T, ? extends Collection<String>> accessor) {
      return custom(
          name,
          value -> {
            List<String> wanted = SearchValues.stringArray(name, value);
            return item -> {
              Collection<String> present = accessor.apply(item);
              return present != null && present.containsAll(wanted);
            };
          });
    }

    private Field<T> put(Field<T> field) {
      Objects.requireNonNull(field.name(), "name");
      if (fields.putIfAbsent(field.name(), field) != null) {
        throw new IllegalArgumentException("Search field '" + field.name() + "' declared twice");
      }
      return field;
    }

    public SearchFields<T> build() {
      return new SearchFields<>(new LinkedHashMap<>(fields), defaultOrder);
    }

    private static <T> Function<T, List<Comparable<?>>> single(
        Function<T, ? extends Comparable<?>> accessor) {
      return item -> Collections.singletonList(accessor.apply(item));
    }
  }

  static Long toKey(Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Number number) {
      return number.longValue();
    }
    return Long.parseLong(raw.toString());
  }

  static Instant toInstant(Object raw) {
    return switch (raw) {
      case null -> null;
      case Instant instant -> instant;
      case OffsetDateTime date -> date.toInstant();
      case ZonedDateTime date -> date.toInstant();
      case Long epochMillis -> Instant.ofEpochMilli(epochMillis);
      case String text -> parseDate(text);
      default ->
          throw new IllegalArgumentException(
              "A date field returned a " + raw.getClass().getName() + "; expected one of "
                  + Arrays.asList("Instant", "OffsetDateTime", "ZonedDateTime", "Long", "String"));
    };
  }

  private static Instant parseDate(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
