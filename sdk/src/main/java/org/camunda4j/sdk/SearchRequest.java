package org.camunda4j.sdk;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A search query: filter (field → value or operator object such as {@code Map.of("$in", List.of(..))}),
 * sort and page. Key values in filters are sent as given, so pass keys as strings.
 */
public record SearchRequest(@Nullable Map<String, Object> filter, @Nullable List<Sort> sort, @Nullable Page page) {

  /** One sort criterion; {@code order} is ASC or DESC. */
  public record Sort(String field, String order) {}

  /** Offset ({@code from}) or cursor ({@code after}/{@code before}) paging. */
  public record Page(@Nullable Integer from, @Nullable Integer limit, @Nullable String after, @Nullable String before) {
    public static Page limit(int limit) {
      return new Page(null, limit, null, null);
    }
  }

  public static SearchRequest all() {
    return new SearchRequest(null, null, null);
  }

  public static SearchRequest filter(Map<String, Object> filter) {
    return new SearchRequest(filter, null, null);
  }

  public SearchRequest sortBy(String field, String order) {
    return new SearchRequest(filter, List.of(new Sort(field, order)), page);
  }

  public SearchRequest withPage(Page newPage) {
    return new SearchRequest(filter, sort, newPage);
  }
}
