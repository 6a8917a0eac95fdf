package org.camunda4j.engine.internal.rest.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda4j.engine.internal.rest.Validatable;
import org.camunda4j.engine.internal.rest.wire.Violations;

/**
 * The body of every {@code POST /v2/.../search}: {@code {filter?, sort?, page?}}. The filter stays a
 * JSON tree here; {@link Search} reads it against the resource's declared fields.
 */
public record SearchQuery(ObjectNode filter, List<Sort> sort, Page page) implements Validatable {

  /** One sort criterion; {@code order} null means ascending. */
  public record Sort(String field, SortOrder order) {

    public boolean descending() {
      return order == SortOrder.DESC;
    }
  }

  /** Sort direction. */
  public enum SortOrder {
    ASC,
    DESC
  }

  /**
   * Paging: {@code {from, limit}}, {@code {after, limit}}, {@code {before, limit}} or {@code
   * {limit}}; cursors come from a previous result's {@code startCursor}/{@code endCursor}.
   */
  public record Page(Integer from, Integer limit, String after, String before) {

    public static final int DEFAULT_LIMIT = 100;

    public int limitOrDefault() {
      return limit == null ? DEFAULT_LIMIT : limit;
    }
  }

  @Override
  public void validate() {
    Violations violations = new Violations();
    if (sort != null) {
      for (Sort criterion : sort) {
        violations.required("sort field", criterion == null ? null : criterion.field());
      }
    }
    if (page != null) {
      violations.positive("page.limit", page.limit()).notNegative("page.from", page.from());
      int forms =
          (page.from() != null ? 1 : 0)
              + (page.after() != null ? 1 : 0)
              + (page.before() != null ? 1 : 0);
      if (forms > 1) {
        violations.add(
            "Only one of [from, after, before] is allowed in page: use offset paging (from, limit)"
                + " or cursor paging (after or before, limit)");
      }
    }
    violations.throwIfAny();
  }

  public List<Sort> sortOrNone() {
    return sort == null ? List.of() : sort;
  }
}
