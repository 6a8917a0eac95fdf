package org.camunda4j.engine.internal.rest.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda4j.engine.internal.rest.ApiException;

/**
 * Runs a {@link SearchQuery} over in-memory items: filter, then sort, then cut a page.
 *
 * <p>Filter semantics (section 7 of the REST notes): each top-level field is a condition, all ANDed,
 * and {@code $or: [{...}, ...]} adds one more condition met by any of its branches. A value is an
 * exact match or an operator object; operators in one object are ANDed. {@code null} values and
 * empty lists ({@code $in: []}, {@code $or: []}, {@code tags: []}) are no condition at all, because
 * the Java client sends them for filters the user never set.
 */
public final class Search {

  private Search() {}

  /**
   * The page of {@code items} matching {@code query}.
   *
   * @param filterFields the fields the filter may name
   * @param sortFields the fields the sort may name; its first key is the default order and the
   *     tie-breaker
   * @throws ApiException INVALID_ARGUMENT for an unknown field or operator, a bad value or cursor
   */
  public static <T> SearchResult<T> search(
      Collection<T> items,
      SearchQuery query,
      SearchFields<T> filterFields,
      SearchFields<T> sortFields) {
    return search(items, filter(query.filter(), filterFields), query, sortFields);
  }

  /**
   * The page of {@code items} passing {@code filter}, for a resource whose filter is more than a
   * set of independent fields (build it with {@link #filter}); the query's own filter is ignored.
   */
  public static <T> SearchResult<T> search(
      Collection<T> items, Predicate<T> filter, SearchQuery query, SearchFields<T> sortFields) {
    Comparator<T> order = order(query.sortOrNone(), sortFields);
    List<T> matches = items.stream().filter(filter).sorted(order).toList();
    return page(matches, query.page());
  }

  // ---- filter

  /**
   * The predicate of a filter object over declared fields (every field ANDed, {@code $or} as one
   * more condition).
   *
   * @throws ApiException INVALID_ARGUMENT for an unknown field or operator or a bad value
   */
  public static <T> Predicate<T> filter(ObjectNode filter, SearchFields<T> fields) {
    Predicate<T> all = item -> true;
    if (filter == null) {
      return all;
    }
    for (Map.Entry<String, JsonNode> entry : filter.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (name.equals("$or")) {
        all = all.and(anyOf(value, fields));
        continue;
      }
      SearchFields.Field<T> field = fields.get(name);
      if (field == null) {
        throw ApiException.invalidArgument(
            "The filter field '" + name + "' is not supported; use one of " + withOr(fields) + ".");
      }
      all = all.and(condition(field, value));
    }
    return all;
  }

  private static List<String> withOr(SearchFields<?> fields) {
    List<String> names = new ArrayList<>(fields.names());
    names.add("$or");
    return names;
  }

  private static <T> Predicate<T> anyOf(JsonNode branches, SearchFields<T> fields) {
    if (branches == null || branches.isNull() || (branches.isArray() && branches.isEmpty())) {
      return item -> true;
    }
    if (!branches.isArray()) {
      throw ApiException.invalidArgument(
          "The value for filter.$or must be an array of filter objects, was " + branches + ".");
    }
    Predicate<T> any = item -> false;
    for (JsonNode branch : branches) {
      if (!branch.isObject()) {
        throw ApiException.invalidArgument(
            "Each entry of filter.$or must be a filter object, was " + branch + ".");
      }
      if (branch.has("$or")) {
        throw ApiException.invalidArgument("filter.$or cannot be nested inside another $or.");
      }
      any = any.or(filter((ObjectNode) branch, fields));
    }
    return any;
  }

  static <T> Predicate<T> condition(SearchFields.Field<T> field, JsonNode value) {
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      return item -> true;
    }
    if (field.custom() != null) {
      return field.custom().apply(value);
    }
    if (value.isArray()) {
      throw ApiException.invalidArgument(
          "The value for filter." + field.name() + " must be a value or an operator object such"
              + " as {\"$in\": [...]}, was " + value + ".");
    }
    if (!value.isObject()) {
      return operator(field, "$eq", value);
    }
    Predicate<T> all = item -> true;
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      String operator = entry.getKey();
      if (!field.kind().operators().contains(operator)) {
        throw ApiException.invalidArgument(
            "The filter operator '" + operator + "' is not supported for " + field.name()
                + "; use one of " + field.kind().operators() + ".");
      }
      if (entry.getValue() != null && !entry.getValue().isNull()) {
        all = all.and(operator(field, operator, entry.getValue()));
      }
    }
    return all;
  }

  private static <T> Predicate<T> operator(
      SearchFields.Field<T> field, String operator, JsonNode value) {
    return switch (operator) {
      case "$eq" -> matchesAny(field, equalTo(SearchValues.read(field, operator, value)));
      case "$neq" -> matchesAny(field, equalTo(SearchValues.read(field, operator, value))).negate();
      case "$exists" -> {
        if (!value.isBoolean()) {
          throw SearchValues.invalid(field.name() + ".$exists", value, "true or false");
        }
        Predicate<T> exists = matchesAny(field, Objects::nonNull);
        yield value.asBoolean() ? exists : exists.negate();
      }
      case "$in", "$notIn" -> {
        if (!value.isArray()) {
          throw SearchValues.invalid(field.name() + "." + operator, value, "an array");
        }
        if (value.isEmpty()) {
          yield item -> true;
        }
        Set<Object> set = new HashSet<>();
        value.forEach(element -> set.add(SearchValues.read(field, operator, element)));
        Predicate<T> in = matchesAny(field, set::contains);
        yield operator.equals("$in") ? in : in.negate();
      }
      case "$like" -> {
        Pattern pattern =
            SearchValues.likePattern(SearchValues.read(field, operator, value).toString());
        yield matchesAny(field, v -> v != null && pattern.matcher(v.toString()).matches());
      }
      case "$gt" -> compared(field, operator, value, c -> c > 0);
      case "$gte" -> compared(field, operator, value, c -> c >= 0);
      case "$lt" -> compared(field, operator, value, c -> c < 0);
      case "$lte" -> compared(field, operator, value, c -> c <= 0);
      default -> throw new IllegalStateException("operator without semantics: " + operator);
    };
  }

  private static Predicate<Comparable<?>> equalTo(Object expected) {
    return v -> Objects.equals(v, expected);
  }

  private static <T> Predicate<T> compared(
      SearchFields.Field<T> field,
      String operator,
      JsonNode value,
      java.util.function.IntPredicate accept) {
    Comparable<?> bound = SearchValues.read(field, operator, value);
    return matchesAny(field, v -> v != null && accept.test(compare(v, bound)));
  }

  /** True if any of the item's values for the field passes {@code test}. */
  private static <T> Predicate<T> matchesAny(
      SearchFields.Field<T> field, Predicate<Comparable<?>> test) {
    return item -> {
      for (Comparable<?> v : field.values().apply(item)) {
        if (test.test(v)) {
          return true;
        }
      }
      return false;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable<?> a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  // ---- sort

  static <T> Comparator<T> order(List<SearchQuery.Sort> sort, SearchFields<T> fields) {
    Comparator<T> order = (a, b) -> 0;
    for (SearchQuery.Sort criterion : sort) {
      SearchFields.Field<T> field = fields.get(criterion.field());
      if (field == null || field.custom() != null) {
        throw ApiException.invalidArgument(
            "The sort field '" + criterion.field() + "' is not supported; use one of "
                + fields.names() + ".");
      }
      order = order.thenComparing(byField(field, criterion.descending()));
    }
    if (fields.defaultOrder() != null) {
      order = order.thenComparing(byField(fields.defaultOrder(), false));
    }
    return order;
  }

  /** Nulls sort last in both directions, as in the real search backends. */
  private static <T> Comparator<T> byField(SearchFields.Field<T> field, boolean descending) {
    Comparator<Comparable<?>> values = Search::compare;
    if (descending) {
      values = values.reversed();
    }
    return Comparator.comparing(field::sortValue, Comparator.nullsLast(values));
  }

  // ---- page

  static <T> SearchResult<T> page(List<T> matches, SearchQuery.Page page) {
    int size = matches.size();
    int limit = page == null ? SearchQuery.Page.DEFAULT_LIMIT : page.limitOrDefault();
    int start;
    int end;
    if (page != null && page.after() != null) {
      start = Math.min(size, Cursor.decode("page.after", page.after()) + 1);
      end = (int) Math.min(size, (long) start + limit);
    } else if (page != null && page.before() != null) {
      end = Math.min(size, Cursor.decode("page.before", page.before()));
      start = Math.max(0, end - limit);
    } else {
      start = page == null || page.from() == null ? 0 : Math.min(size, page.from());
      end = (int) Math.min(size, (long) start + limit);
    }
    List<T> items = List.copyOf(matches.subList(start, end));
    boolean empty = items.isEmpty();
    return new SearchResult<>(
        items,
        new SearchResult.PageResponse(
            size, false, empty ? null : Cursor.encode(start), empty ? null : Cursor.encode(end - 1)));
  }
}
