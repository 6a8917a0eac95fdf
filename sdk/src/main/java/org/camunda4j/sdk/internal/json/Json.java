package org.camunda4j.sdk.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The one JSON codec of the SDK. Lenient on input (unknown fields ignored, key strings read into
 * {@code long}), strict where it matters for users binding variables (null into a primitive fails).
 * Omits {@code null} on output, because omitted means "keep" in the API's optional fields.
 */
public final class Json {

  /*
   * Buffers come from a pool of the SDK's own instead of Jackson's default thread-local one: most
   * SDK JSON is written and read on short-lived virtual threads (an ASYNC or VIRTUAL handler's
   * thread serialises its acknowledgement), where a thread-local pool never recycles and every call
   * allocates a fresh recycler and its buffers (kilobytes per job).
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build())
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * A handler's return value as process variables: a map as is, a record or bean through its
   * properties. Anything that is not a JSON object is rejected, with what to return instead.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toVariables(Object value) {
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw new IllegalArgumentException("variable names must be strings, got key " + key + " of "
              + (key == null ? "null" : key.getClass().getName()));
        }
      }
      return (Map<String, Object>) map;
    }
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
        || value instanceof Iterable<?> || value.getClass().isArray() || value instanceof Character
        || value.getClass().isEnum()) {
      throw new IllegalArgumentException("the handler returned a " + value.getClass().getName()
          + ", which is not a set of variables; return a Map, a record or bean, a JobCompletionRequest or null");
    }
    try {
      return MAPPER.convertValue(value, Map.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot turn the handler's " + value.getClass().getName()
          + " into variables: " + e.getMessage(), e);
    }
  }
}
