package org.camunda4j.sdk;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda4j.sdk.internal.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of job variables or headers: as a map ({@link #asMap()}), one by one
 * ({@link #get(String)}), or bound to a record or bean ({@link #as(Class)}). Binding ignores unknown
 * names, and fails with a {@link VariableBindingException} naming the field when a value does not fit
 * (including a missing value for a primitive field).
 */
public final class Variables {

  private final String what;
  private final Map<String, Object> values;

  public Variables(String what, @Nullable Map<String, ?> values) {
    this.what = what;
    this.values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(values);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  /** The raw value (map, list, string, number, boolean or {@code null}). */
  public @Nullable Object get(String name) {
    return values.get(name);
  }

  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** One value converted to {@code type}; {@code null} if absent. */
  public <T> @Nullable T get(String name, Class<T> type) {
    Object raw = values.get(name);
    if (raw == null) {
      return null;
    }
    try {
      return Json.mapper().convertValue(raw, type);
    } catch (IllegalArgumentException e) {
      throw bindingFailure(type, name, e);
    }
  }

  /** All values bound to a record or bean. */
  public <T> T as(Class<T> type) {
    ObjectMapper mapper = Json.mapper();
    try {
      return mapper.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      throw bindingFailure(type, null, e);
    }
  }

  private VariableBindingException bindingFailure(Class<?> type, @Nullable String name, IllegalArgumentException e) {
    String path = name == null ? "" : name;
    String reason = e.getMessage();
    if (e.getCause() instanceof JsonMappingException mapping) {
      String inner = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      if (!inner.isEmpty()) {
        path = path.isEmpty() ? inner : path + "." + inner;
      }
      reason = mapping.getOriginalMessage();
    }
    String firstLine = reason == null ? "" : reason.lines().findFirst().orElse("");
    String message = "Cannot bind job " + what + " to " + type.getSimpleName()
        + (path.isEmpty() ? "" : ": field '" + path + "'") + ": " + firstLine;
    return new VariableBindingException(path, message, e);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
