package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Engine keys on the wire: decimal strings of a Java long, partition 1 (reference §1.2). */
final class Keys {

  /** The lowest key of partition 1: 2^51 + 1 (an engine starts its keys higher, see KeysAcrossRestartsTest). */
  static final long FIRST_PARTITION_ONE_KEY = (1L << 51) + 1;

  private Keys() {}

  static void assertKey(JsonNode key) {
    assertThat(key.isTextual()).as("key %s is a JSON string", key).isTrue();
    assertThat(key.asText()).matches("^-?[0-9]{1,25}$");
    assertThat(Long.parseLong(key.asText())).isGreaterThanOrEqualTo(FIRST_PARTITION_ONE_KEY);
    assertThat(Long.parseLong(key.asText()) >>> 51).as("partition of key %s", key).isEqualTo(1L);
  }
}
