package org.camunda4j.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * Compares a variable's JSON text with a Java value the way a reader expects: {@code 5}, {@code 5L}
 * and {@code 5.0} are the same number, a record equals the object with its fields, key order of
 * objects does not matter.
 */
public final class JsonValues {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private JsonValues() {}

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine returned a variable that is not JSON: " + json, e);
    }
  }

  public static JsonNode toNode(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !sameValue(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
