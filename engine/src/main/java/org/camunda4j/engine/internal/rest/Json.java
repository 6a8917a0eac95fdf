package org.camunda4j.engine.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one JSON mapper of the REST layer: lenient on input, strict on output.
 *
 * <p>Input: unknown properties are ignored and explicit {@code null}s mean "absent", because newer
 * clients send fields we do not know yet. Numbers are accepted where a string key is expected
 * (older scripts send keys as numbers). What stays an error: fractions for integers, empty
 * strings for numbers or booleans, numbers for booleans, trailing garbage.
 *
 * <p>Output: every record component is written, {@code null}s included, since strict clients (the
 * Python SDK) fail on a missing nullable field.
 */
public final class Json {

  private static final ObjectMapper MAPPER = createMapper();
  /** Request records decoded from {@code {}}: records of absent fields, so one serves every request. */
  private static final Map<Class<?>, Object> EMPTY_BODIES = new ConcurrentHashMap<>();

  private Json() {}

  private static ObjectMapper createMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
            // Sets (tags) keep the client's order, so what comes back reads like what was sent.
            .addModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .build();
    for (LogicalType numberOrFlag :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(numberOrFlag)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /** The shared mapper; configure nothing on it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises {@code value} as UTF-8 JSON. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Serialises {@code value} as UTF-8 JSON into {@code out}, and closes it (Jackson's default). */
  public static void write(Object value, OutputStream out) {
    try {
      MAPPER.writeValue(out, value);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Serialises {@code value} as a JSON string. */
  public static String writeString(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
    }
  }

  /**
   * Decodes a request body; an empty (or whitespace-only) body or a JSON {@code null} decodes as
   * {@code {}}.
   *
   * @throws ApiException INVALID_ARGUMENT saying what is wrong with the body
   */
  public static <T> T readBody(byte[] body, Class<T> type) {
    try {
      T value = isBlank(body) || isEmptyObject(body) ? null : MAPPER.readValue(body, type);
      return value != null ? value : empty(type);
    } catch (IOException e) {
      throw asBadRequest(e);
    }
  }

  /** {@code {}} decoded as {@code type}, once per record type: a job completion without variables sends just that. */
  @SuppressWarnings("unchecked")
  private static <T> T empty(Class<T> type) throws IOException {
    if (!type.isRecord()) {
      return MAPPER.readValue("{}", type); // a map or bean may be changed by its handler: each request gets its own
    }
    Object empty = EMPTY_BODIES.get(type);
    if (empty == null) {
      empty = MAPPER.readValue("{}", type); // a type that refuses {} throws here every time, as it should
      EMPTY_BODIES.put(type, empty);
    }
    return (T) empty;
  }

  private static boolean isEmptyObject(byte[] body) {
    return body.length == 2 && body[0] == '{' && body[1] == '}';
  }

  /** Decodes a request body as a tree; an empty body is an empty object. */
  public static JsonNode readTree(byte[] body) {
    try {
      JsonNode tree = isBlank(body) ? null : MAPPER.readTree(body);
      return tree == null || tree.isNull() ? JsonNodeFactory.instance.objectNode() : tree;
    } catch (IOException e) {
      throw asBadRequest(e);
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static ApiException asBadRequest(IOException e) {
    return ApiException.invalidArgument(describe(e));
  }

  static String describe(IOException e) {
    if (e instanceof StreamReadException syntax) {
      var location = syntax.getLocation();
      String where =
          location == null
              ? ""
              : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
      return "Request body is not valid JSON: " + firstLine(syntax.getOriginalMessage()) + where;
    }
    if (e instanceof ValueInstantiationException instantiation) {
      Throwable cause = instantiation.getCause() != null ? instantiation.getCause() : e;
      return "Request property ["
          + propertyPath(instantiation)
          + "] cannot be parsed: "
          + firstLine(cause.getMessage());
    }
    if (e instanceof MismatchedInputException mismatch) {
      String path = propertyPath(mismatch);
      String expected = expectation(mismatch.getTargetType());
      if (path.isEmpty()) {
        return "Request body cannot be parsed: expected " + expected;
      }
      return "Request property [" + path + "] cannot be parsed: expected " + expected;
    }
    if (e instanceof JsonMappingException mapping) {
      return "Request property ["
          + propertyPath(mapping)
          + "] cannot be parsed: "
          + firstLine(mapping.getOriginalMessage());
    }
    return "Request body cannot be read: " + firstLine(e.getMessage());
  }

  private static String propertyPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expectation(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class
        || type == Float.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonNode.class.isAssignableFrom(type) || type == Object.class) {
      return "a JSON value";
    }
    return "an object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
