package org.camunda4j.sdk;

import java.util.List;

/** One page of search results. */
public record SearchResult<T>(List<T> items, PageInfo page) {

  public SearchResult {
    items = items == null ? List.of() : items;
  }

  /** Paging information of the answer. */
  public record PageInfo(long totalItems, Boolean hasMoreTotalItems, String startCursor, String endCursor) {}
}
