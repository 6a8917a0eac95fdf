package org.camunda4j.engine.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapper's input policy (lenient where clients differ, strict where a value would change) and output policy. */
class JsonTest {

  record Command(String jobKey, Integer retries, Long timeout, Boolean local, Map<String, Object> variables, List<String> names) {}

  private static Command read(String json) {
    return Json.readBody(json.getBytes(StandardCharsets.UTF_8), Command.class);
  }

  private static void assertBadRequest(String json, String detail) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(ProblemStatus.INVALID_ARGUMENT);
          assertThat(e.detail()).isEqualTo(detail);
        });
  }

  @Test
  void acceptsAKeySentAsANumber() {
    assertThat(read("{\"jobKey\":2251799813685249}").jobKey()).isEqualTo("2251799813685249");
  }

  @Test
  void acceptsANumberSentAsAString() {
    assertThat(read("{\"retries\":\"3\"}").retries()).isEqualTo(3);
  }

  @Test
  void treatsExplicitNullsAndUnknownFieldsAsAbsent() {
    assertThat(read("{\"jobKey\":null,\"retries\":null,\"unknown\":[1,2]}"))
        .isEqualTo(new Command(null, null, null, null, null, null));
    assertThat(read("null")).isEqualTo(new Command(null, null, null, null, null, null));
  }

  @Test
  void anEmptyObjectAnEmptyBodyAndNullAllReadAsAbsentFields() {
    Command absent = new Command(null, null, null, null, null, null);
    assertThat(read("{}")).isEqualTo(absent);
    assertThat(read("")).isEqualTo(absent);
    assertThat(read("{}")).isEqualTo(absent); // the second time from the kept empty record
  }

  @Test
  void aMapBodyIsTheRequestsOwnEvenWhenEmpty() {
    Map<?, ?> first = Json.readBody("{}".getBytes(StandardCharsets.UTF_8), Map.class);
    Map<?, ?> second = Json.readBody("{}".getBytes(StandardCharsets.UTF_8), Map.class);
    assertThat(first).isEmpty();
    assertThat(second).isNotSameAs(first);
  }

  @Test
  void rejectsValuesThatWouldSilentlyChange() {
    assertBadRequest("{\"retries\":2.5}", "Request property [retries] cannot be parsed: expected an integer");
    assertBadRequest("{\"timeout\":\"\"}", "Request property [timeout] cannot be parsed: expected an integer");
    assertBadRequest("{\"local\":1}", "Request property [local] cannot be parsed: expected a boolean");
    assertBadRequest("{\"retries\":99999999999}",
        "Request property [retries] cannot be parsed: Numeric value (99999999999) out of range of int (-2147483648 - 2147483647)");
  }

  @Test
  void namesNestedPropertiesAndArrayElements() {
    assertBadRequest("{\"names\":[\"a\",{\"b\":1}]}", "Request property [names[1]] cannot be parsed: expected a string");
    assertBadRequest("{\"variables\":\"x\"}", "Request property [variables] cannot be parsed: expected an object");
    assertBadRequest("[]", "Request body cannot be parsed: expected an object");
  }

  @Test
  void reportsSyntaxErrorsWithTheirPosition() {
    assertThatThrownBy(() -> read("{\"retries\":3,}"))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Request body is not valid JSON: ")
        .hasMessageContaining("line 1, column");
    assertThatThrownBy(() -> read("{} {}"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Request body");
  }

  @Test
  void writesEveryFieldIncludingNullsAndNullMapValues() {
    var written = Json.writeString(new Command("1", null, 5L, true, new java.util.LinkedHashMap<>(java.util.Collections.singletonMap("v", null)), List.of()));

    assertThat(written).isEqualTo(
        "{\"jobKey\":\"1\",\"retries\":null,\"timeout\":5,\"local\":true,\"variables\":{\"v\":null},\"names\":[]}");
  }
}
