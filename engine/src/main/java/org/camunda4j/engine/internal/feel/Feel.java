package org.camunda4j.engine.internal.feel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Parses and evaluates FEEL with the Camunda FEEL engine, on the engine's clock.
 *
 * <p>Values going in and coming out are plain JSON-like Java values: {@code Map}, {@code List},
 * {@code String}, {@code Long}/{@code Double}/{@code BigDecimal}, {@code Boolean} and {@code null}.
 * FEEL dates, times and durations come out as ISO-8601 strings, as Zeebe stores them.
 */
public final class Feel {

  private final LongSupplier clockMillis;
  private volatile FeelEngineApi engine;

  public Feel(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /**
   * The FEEL engine, built on first use: loading it (and the Scala library) takes a few hundred
   * milliseconds, which an engine that starts for a test should not pay before its first deployment.
   */
  private FeelEngineApi engine() {
    FeelEngineApi built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          FeelEngineClock clock =
              () -> ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(clockMillis.getAsLong()), ZoneId.of("UTC"));
          built = FeelEngineBuilder.forJava().withClock(clock).build();
          engine = built;
        }
      }
    }
    return built;
  }

  /**
   * Reads a model attribute: {@code "=expr"} is parsed as FEEL, anything else is a static value.
   *
   * @throws FeelException if the expression does not parse
   */
  public FeelExpression parse(String attribute) throws FeelException {
    String trimmed = attribute.strip();
    if (!trimmed.startsWith("=")) {
      return FeelExpression.literal(attribute);
    }
    return parseFeel(trimmed.substring(1));
  }

  /** Parses text that is always FEEL (a sequence-flow condition, an input mapping source). */
  public FeelExpression parseFeel(String expression) throws FeelException {
    ParseResult result = engine().parseExpression(expression);
    if (result.isFailure()) {
      String reason = ((FailedParseResult) result).failure().message();
      throw new FeelException("failed to parse expression '" + expression + "': " + reason);
    }
    return FeelExpression.feel(expression, result.parsedExpression());
  }

  /**
   * The variables an expression reads: the first name of every reference in it ({@code order.total}
   * reads {@code order}). Names bound inside the expression ({@code for x in ...}) are included too,
   * which at worst makes a conditional event re-evaluate once more than it needs to.
   */
  public static java.util.Set<String> referencedVariables(FeelExpression expression) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (!expression.isStatic()) {
      collectReferences(expression.parsed().expression(), names);
    }
    return java.util.Set.copyOf(names);
  }

  private static void collectReferences(Object node, java.util.Set<String> names) {
    if (node instanceof org.camunda.feel.syntaxtree.Ref ref) {
      names.add(ref.names().head());
    } else if (node instanceof scala.collection.Iterable<?> items) {
      items.foreach(item -> {
        collectReferences(item, names);
        return null;
      });
    } else if (node instanceof scala.Product product) {
      product.productIterator().foreach(part -> {
        collectReferences(part, names);
        return null;
      });
    }
  }

  /** Evaluates an expression against the variables visible to it. */
  public Object evaluate(FeelExpression expression, Map<String, Object> variables) throws FeelException {
    if (expression.isStatic()) {
      return expression.source();
    }
    EvaluationResult result = engine().evaluate(expression.parsed(), variables);
    if (result.isFailure()) {
      String reason = ((FailedEvaluationResult) result).failure().message();
      throw new FeelException("Expected to evaluate expression '" + expression.source() + "', but " + reason);
    }
    return toJson(result.result());
  }

  public String evaluateString(FeelExpression expression, Map<String, Object> variables) throws FeelException {
    Object value = evaluate(expression, variables);
    if (value instanceof String s) {
      return s;
    }
    throw new FeelException(
        "Expected result of the expression '" + expression.source() + "' to be 'STRING', but was '" + typeName(value) + "'.");
  }

  public long evaluateLong(FeelExpression expression, Map<String, Object> variables) throws FeelException {
    Object value = evaluate(expression, variables);
    if (expression.isStatic()) {
      try {
        return Long.parseLong(((String) value).strip());
      } catch (NumberFormatException e) {
        throw new FeelException("Expected a number, but found '" + value + "'.");
      }
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new FeelException(
        "Expected result of the expression '" + expression.source() + "' to be 'NUMBER', but was '" + typeName(value) + "'.");
  }

  public boolean evaluateBoolean(FeelExpression expression, Map<String, Object> variables) throws FeelException {
    Object value = evaluate(expression, variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new FeelException(
        "Expected result of the expression '" + expression.source() + "' to be 'BOOLEAN', but was '" + typeName(value) + "'.");
  }

  /** A FEEL value as a plain JSON-like Java value. */
  public static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigDecimal d) {
      return normalise(d);
    }
    if (value instanceof scala.math.BigDecimal d) {
      return normalise(d.bigDecimal());
    }
    if (value instanceof BigInteger i) {
      return normalise(new BigDecimal(i));
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
      return out;
    }
    if (value instanceof Iterable<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(toJson(v)));
      return out;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return toJson(scala.jdk.javaapi.CollectionConverters.asJava(map));
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      return toJson(scala.jdk.javaapi.CollectionConverters.asJava(list));
    }
    if (value instanceof TemporalAccessor || value instanceof Duration || value instanceof Period) {
      return value.toString();
    }
    return value.toString();
  }

  private static Object normalise(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
      return stripped.longValueExact();
    }
    return d.doubleValue();
  }

  /** The FEEL type name of a value, as error messages show it. */
  public static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String) {
      return "STRING";
    }
    if (value instanceof Number) {
      return "NUMBER";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof List) {
      return "ARRAY";
    }
    if (value instanceof Map) {
      return "OBJECT";
    }
    return value.getClass().getSimpleName().toUpperCase();
  }
}
