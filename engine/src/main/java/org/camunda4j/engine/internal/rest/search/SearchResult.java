package org.camunda4j.engine.internal.rest.search;

import java.util.List;
import java.util.function.Function;

/**
 * The answer of a search endpoint: {@code {items, page}}, written as is.
 *
 * @param items the page of matching items
 */
public record SearchResult<T>(List<T> items, PageResponse page) {

  /**
   * The 8.9 page object: all four fields are always present.
   *
   * @param totalItems all matches, not just this page
   * @param hasMoreTotalItems always false here: the count is exact
   * @param startCursor the cursor of the first item, {@code null} without items
   * @param endCursor the cursor of the last item, {@code null} without items
   */
  public record PageResponse(
      long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {}

  /** The same page with each item converted, e.g. from engine state into a wire record. */
  public <R> SearchResult<R> map(Function<? super T, ? extends R> mapper) {
    return new SearchResult<>(items.stream().<R>map(mapper).toList(), page);
  }
}
