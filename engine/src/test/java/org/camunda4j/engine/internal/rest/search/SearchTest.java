package org.camunda4j.engine.internal.rest.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Json;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchTest {

  enum State { ACTIVE, COMPLETED, FAILED }

  record Item(long key, String name, Integer retries, Instant created, State state, Boolean done,
      List<String> groups, Set<String> tags, String parentKey) {}

  static final Item A = new Item(3, "alpha", 3, Instant.parse("2025-01-01T10:00:00Z"), State.ACTIVE, false,
      List.of("sales", "ops"), Set.of("urgent", "eu"), "100");
  static final Item B = new Item(1, "beta", 0, Instant.parse("2025-01-02T10:00:00Z"), State.FAILED, false,
      List.of("ops"), Set.of("eu"), null);
  static final Item C = new Item(2, "gamma*ray", null, Instant.parse("2025-01-03T10:00:00Z"), State.COMPLETED, true,
      List.of(), Set.of(), "200");
  static final Item D = new Item(4, "delta", 5, null, State.ACTIVE, null, List.of("sales"), Set.of("urgent"), "100");
  static final List<Item> ITEMS = List.of(A, B, C, D);

  static final SearchFields<Item> FIELDS = SearchFields.<Item>builder()
      .key("itemKey", Item::key)
      .string("name", Item::name)
      .integer("retries", Item::retries)
      .date("created", Item::created)
      .enumeration("state", State.class, Item::state)
      .bool("done", Item::done)
      .strings("group", Item::groups)
      .containsAll("tags", Item::tags)
      .key("parentKey", Item::parentKey)
      .build();

  private static SearchResult<Item> search(String body) {
    SearchQuery query = Json.readBody(body.getBytes(StandardCharsets.UTF_8), SearchQuery.class);
    query.validate();
    return Search.search(ITEMS, query, FIELDS, FIELDS);
  }

  private static List<Long> keys(String body) {
    return search(body).items().stream().map(Item::key).toList();
  }

  private static List<Long> filtered(String filter) {
    return keys("{\"filter\":" + filter + "}");
  }

  private static void assertRejected(String body, String... detailParts) {
    assertThatThrownBy(() -> search(body))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(ProblemStatus.INVALID_ARGUMENT);
          assertThat(e.detail()).contains(detailParts);
        });
  }

  @Test
  void withoutFilterReturnsEverythingInKeyOrder() {
    var result = search("");

    assertThat(result.items()).extracting(Item::key).containsExactly(1L, 2L, 3L, 4L);
    assertThat(result.page().totalItems()).isEqualTo(4);
    assertThat(result.page().hasMoreTotalItems()).isFalse();
    assertThat(result.page().startCursor()).isNotNull();
    assertThat(result.page().endCursor()).isNotNull();
  }

  @Test
  void anEmptyResultHasNullCursorsWrittenExplicitly() {
    var result = search("{\"filter\":{\"name\":\"nobody\"}}");

    assertThat(Json.writeString(result))
        .isEqualTo("{\"items\":[],\"page\":{\"totalItems\":0,\"hasMoreTotalItems\":false,\"startCursor\":null,\"endCursor\":null}}");
  }

  @Nested
  class StringFilters {

    @Test
    void exactValue() {
      assertThat(filtered("{\"name\":\"beta\"}")).containsExactly(1L);
    }

    @Test
    void eqAndNeq() {
      assertThat(filtered("{\"name\":{\"$eq\":\"alpha\"}}")).containsExactly(3L);
      assertThat(filtered("{\"name\":{\"$neq\":\"alpha\"}}")).containsExactly(1L, 2L, 4L);
    }

    @Test
    void exists() {
      assertThat(filtered("{\"parentKey\":{\"$exists\":true}}")).containsExactly(2L, 3L, 4L);
      assertThat(filtered("{\"parentKey\":{\"$exists\":false}}")).containsExactly(1L);
    }

    @Test
    void inAndNotIn() {
      assertThat(filtered("{\"name\":{\"$in\":[\"alpha\",\"delta\",\"nobody\"]}}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"name\":{\"$notIn\":[\"alpha\",\"delta\"]}}")).containsExactly(1L, 2L);
    }

    @Test
    void likeWithWildcardsAndEscapes() {
      assertThat(filtered("{\"name\":{\"$like\":\"*ta\"}}")).containsExactly(1L, 4L);
      assertThat(filtered("{\"name\":{\"$like\":\"?lpha\"}}")).containsExactly(3L);
      assertThat(filtered("{\"name\":{\"$like\":\"gamma\\\\*ray\"}}")).containsExactly(2L);
      assertThat(filtered("{\"name\":{\"$like\":\"gamma\\\\*\"}}")).isEmpty();
      assertThat(filtered("{\"name\":{\"$like\":\"a.p*\"}}")).as("regex characters are literal").isEmpty();
    }

    @Test
    void operatorsInOneObjectAreAnded() {
      assertThat(filtered("{\"name\":{\"$like\":\"*a\",\"$neq\":\"beta\"}}")).containsExactly(3L, 4L);
    }

    @Test
    void aCollectionFieldMatchesAnyElementAndNegatesOverAll() {
      assertThat(filtered("{\"group\":\"sales\"}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"group\":{\"$neq\":\"sales\"}}")).containsExactly(1L, 2L);
      assertThat(filtered("{\"group\":{\"$exists\":false}}")).containsExactly(2L);
    }
  }

  @Nested
  class KeyFilters {

    @Test
    void keysMatchAsStringsOrNumbers() {
      assertThat(filtered("{\"itemKey\":\"3\"}")).containsExactly(3L);
      assertThat(filtered("{\"itemKey\":3}")).containsExactly(3L);
      assertThat(filtered("{\"parentKey\":{\"$eq\":100}}")).containsExactly(3L, 4L);
    }

    @Test
    void inNotInNeq() {
      assertThat(filtered("{\"itemKey\":{\"$in\":[\"1\",2]}}")).containsExactly(1L, 2L);
      assertThat(filtered("{\"itemKey\":{\"$notIn\":[\"1\",2]}}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"parentKey\":{\"$neq\":\"100\"}}")).containsExactly(1L, 2L);
    }

    @Test
    void theJavaClientsEmptyListsAreNoCondition() {
      assertThat(filtered("{\"itemKey\":{\"$eq\":\"4\",\"$in\":[],\"$notIn\":[]},\"tags\":[],\"$or\":[]}"))
          .containsExactly(4L);
    }

    @Test
    void aKeyMustBeNumeric() {
      assertRejected("{\"filter\":{\"itemKey\":\"abc\"}}", "filter.itemKey", "'abc'", "numeric key");
    }
  }

  @Nested
  class IntegerAndDateFilters {

    @Test
    void integerComparisons() {
      assertThat(filtered("{\"retries\":3}")).containsExactly(3L);
      assertThat(filtered("{\"retries\":{\"$gt\":0}}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"retries\":{\"$gte\":3}}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"retries\":{\"$lt\":3}}")).containsExactly(1L);
      assertThat(filtered("{\"retries\":{\"$lte\":3}}")).containsExactly(1L, 3L);
      assertThat(filtered("{\"retries\":{\"$gte\":1,\"$lte\":4}}")).containsExactly(3L);
      assertThat(filtered("{\"retries\":{\"$in\":[0,5]}}")).containsExactly(1L, 4L);
      assertThat(filtered("{\"retries\":{\"$neq\":3}}")).containsExactly(1L, 2L, 4L);
      assertThat(filtered("{\"retries\":{\"$exists\":false}}")).containsExactly(2L);
    }

    @Test
    void dateComparisonsAcrossOffsets() {
      assertThat(filtered("{\"created\":{\"$gt\":\"2025-01-02T10:00:00Z\"}}")).containsExactly(2L);
      assertThat(filtered("{\"created\":{\"$gte\":\"2025-01-02T11:00:00+01:00\"}}")).containsExactly(1L, 2L);
      assertThat(filtered("{\"created\":{\"$lt\":\"2025-01-02T10:00:00Z\"}}")).containsExactly(3L);
      assertThat(filtered("{\"created\":{\"$lte\":\"2025-01-02T10:00:00Z\"}}")).containsExactly(1L, 3L);
      assertThat(filtered("{\"created\":\"2025-01-03T10:00:00.000Z\"}")).containsExactly(2L);
      assertThat(filtered("{\"created\":{\"$in\":[\"2025-01-01T10:00:00Z\"]}}")).containsExactly(3L);
      assertThat(filtered("{\"created\":{\"$exists\":false}}")).containsExactly(4L);
    }

    @Test
    void badValuesSayWhatIsExpected() {
      assertRejected("{\"filter\":{\"created\":{\"$gt\":\"yesterday\"}}}", "filter.created.$gt", "'yesterday'", "RFC 3339");
      assertRejected("{\"filter\":{\"retries\":{\"$lt\":\"few\"}}}", "filter.retries.$lt", "an integer");
      assertRejected("{\"filter\":{\"retries\":{\"$in\":3}}}", "filter.retries.$in", "an array");
    }
  }

  @Nested
  class EnumBooleanAndSetFilters {

    @Test
    void enumsByNameWithLike() {
      assertThat(filtered("{\"state\":\"ACTIVE\"}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"state\":{\"$in\":[\"FAILED\",\"COMPLETED\"]}}")).containsExactly(1L, 2L);
      assertThat(filtered("{\"state\":{\"$like\":\"*ED\"}}")).containsExactly(1L, 2L);
    }

    @Test
    void anUnknownEnumValueListsTheConstants() {
      assertRejected("{\"filter\":{\"state\":\"SLEEPING\"}}", "filter.state", "'SLEEPING'", "[ACTIVE, COMPLETED, FAILED]");
    }

    @Test
    void booleans() {
      assertThat(filtered("{\"done\":true}")).containsExactly(2L);
      assertThat(filtered("{\"done\":{\"$eq\":false}}")).containsExactly(1L, 3L);
      assertThat(filtered("{\"done\":{\"$neq\":true}}")).containsExactly(1L, 3L, 4L);
      assertRejected("{\"filter\":{\"done\":\"yes\"}}", "filter.done", "true or false");
    }

    @Test
    void tagsMatchItemsCarryingAllOfThem() {
      assertThat(filtered("{\"tags\":[\"urgent\"]}")).containsExactly(3L, 4L);
      assertThat(filtered("{\"tags\":[\"urgent\",\"eu\"]}")).containsExactly(3L);
      assertThat(filtered("{\"tags\":[]}")).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Nested
  class Or {

    @Test
    void anyBranchMatchesAndTheResultIsAndedWithTheTopLevel() {
      assertThat(filtered("{\"$or\":[{\"name\":\"alpha\"},{\"retries\":0}]}")).containsExactly(1L, 3L);
      assertThat(filtered("{\"state\":\"ACTIVE\",\"$or\":[{\"name\":\"alpha\"},{\"retries\":0}]}")).containsExactly(3L);
    }

    @Test
    void aBranchAndsItsOwnFields() {
      assertThat(filtered("{\"$or\":[{\"state\":\"ACTIVE\",\"retries\":5},{\"done\":true}]}")).containsExactly(2L, 4L);
    }

    @Test
    void mustBeAnArrayOfObjects() {
      assertRejected("{\"filter\":{\"$or\":{\"name\":\"a\"}}}", "$or", "array");
      assertRejected("{\"filter\":{\"$or\":[\"a\"]}}", "$or", "filter object");
    }
  }

  @Nested
  class UnknownNames {

    @Test
    void anUnknownFilterFieldListsTheAllowedOnes() {
      assertRejected("{\"filter\":{\"colour\":\"red\"}}",
          "'colour'", "[created, done, group, itemKey, name, parentKey, retries, state, tags, $or]");
    }

    @Test
    void anUnknownOperatorListsTheAllowedOnes() {
      assertRejected("{\"filter\":{\"name\":{\"$regex\":\".*\"}}}",
          "'$regex'", "name", "[$eq, $neq, $exists, $in, $notIn, $like]");
      assertRejected("{\"filter\":{\"retries\":{\"$like\":\"1*\"}}}",
          "'$like'", "[$eq, $neq, $exists, $gt, $gte, $lt, $lte, $in]");
    }

    @Test
    void anUnknownSortFieldListsTheAllowedOnes() {
      assertRejected("{\"sort\":[{\"field\":\"colour\"}]}", "sort field 'colour'", "itemKey");
    }
  }

  @Nested
  class Sorting {

    @Test
    void ascendingAndDescending() {
      assertThat(keys("{\"sort\":[{\"field\":\"name\",\"order\":\"ASC\"}]}")).containsExactly(3L, 1L, 4L, 2L);
      assertThat(keys("{\"sort\":[{\"field\":\"name\",\"order\":\"DESC\"}]}")).containsExactly(2L, 4L, 1L, 3L);
      assertThat(keys("{\"sort\":[{\"field\":\"name\"}]}")).as("no order means ascending").containsExactly(3L, 1L, 4L, 2L);
    }

    @Test
    void nullsSortLastInBothDirections() {
      assertThat(keys("{\"sort\":[{\"field\":\"retries\",\"order\":\"ASC\"}]}")).containsExactly(1L, 3L, 4L, 2L);
      assertThat(keys("{\"sort\":[{\"field\":\"retries\",\"order\":\"DESC\"}]}")).containsExactly(4L, 3L, 1L, 2L);
    }

    @Test
    void laterCriteriaBreakTiesThenTheKey() {
      assertThat(keys("{\"sort\":[{\"field\":\"state\"},{\"field\":\"name\",\"order\":\"DESC\"}]}"))
          .containsExactly(4L, 3L, 2L, 1L);
      assertThat(keys("{\"sort\":[{\"field\":\"state\"}]}")).containsExactly(3L, 4L, 2L, 1L);
    }

    @Test
    void anUnknownOrderIsRejected() {
      assertRejected("{\"sort\":[{\"field\":\"name\",\"order\":\"UP\"}]}", "sort", "[ASC, DESC]");
    }
  }

  @Nested
  class Paging {

    @Test
    void offsetPaging() {
      assertThat(keys("{\"page\":{\"from\":1,\"limit\":2}}")).containsExactly(2L, 3L);
      assertThat(keys("{\"page\":{\"from\":3,\"limit\":2}}")).containsExactly(4L);
      assertThat(keys("{\"page\":{\"from\":9}}")).isEmpty();
      assertThat(keys("{\"page\":{\"limit\":3}}")).containsExactly(1L, 2L, 3L);
      assertThat(search("{\"page\":{\"from\":1,\"limit\":2}}").page().totalItems()).isEqualTo(4);
    }

    @Test
    void cursorPagingForwardThenBackward() {
      var first = search("{\"page\":{\"limit\":2}}");
      var second = search("{\"page\":{\"after\":\"" + first.page().endCursor() + "\",\"limit\":2}}");
      var third = search("{\"page\":{\"after\":\"" + second.page().endCursor() + "\",\"limit\":2}}");
      var back = search("{\"page\":{\"before\":\"" + second.page().startCursor() + "\",\"limit\":2}}");

      assertThat(first.items()).extracting(Item::key).containsExactly(1L, 2L);
      assertThat(second.items()).extracting(Item::key).containsExactly(3L, 4L);
      assertThat(third.items()).isEmpty();
      assertThat(third.page().startCursor()).isNull();
      assertThat(back.items()).extracting(Item::key).containsExactly(1L, 2L);
      assertThat(back.page().startCursor()).isEqualTo(first.page().startCursor());
    }

    @Test
    void beforeTheFirstItemIsEmpty() {
      var first = search("{\"page\":{\"limit\":2}}");

      assertThat(search("{\"page\":{\"before\":\"" + first.page().startCursor() + "\"}}").items()).isEmpty();
    }

    @Test
    void cursorsFollowTheSortOrder() {
      var first = search("{\"sort\":[{\"field\":\"name\",\"order\":\"DESC\"}],\"page\":{\"limit\":1}}");
      var next = search("{\"sort\":[{\"field\":\"name\",\"order\":\"DESC\"}],\"page\":{\"after\":\""
          + first.page().endCursor() + "\",\"limit\":2}}");

      assertThat(first.items()).extracting(Item::key).containsExactly(2L);
      assertThat(next.items()).extracting(Item::key).containsExactly(4L, 1L);
    }

    @Test
    void mixingOffsetAndCursorIsRejected() {
      var first = search("{\"page\":{\"limit\":2}}");

      assertRejected("{\"page\":{\"from\":0,\"after\":\"" + first.page().endCursor() + "\"}}", "Only one of [from, after, before]");
      assertRejected("{\"page\":{\"after\":\"WzFd\",\"before\":\"WzFd\"}}", "Only one of [from, after, before]");
    }

    @Test
    void badLimitsOffsetsAndCursorsAreRejected() {
      assertRejected("{\"page\":{\"limit\":0}}", "page.limit", "greater than 0");
      assertRejected("{\"page\":{\"from\":-1}}", "page.from");
      assertRejected("{\"page\":{\"after\":\"not-a-cursor\"}}", "page.after", "'not-a-cursor'");
    }
  }
}
