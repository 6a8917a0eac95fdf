package org.camunda4j.engine.internal.feel;

import java.util.Objects;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute value of a BPMN element: either a static string or a FEEL expression (written with a
 * leading {@code =} in the model). FEEL expressions are parsed once, when the model is deployed.
 */
public final class FeelExpression {

  private final String source;
  private final ParsedExpression parsed; // null for a static value

  private FeelExpression(String source, ParsedExpression parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  static FeelExpression feel(String source, ParsedExpression parsed) {
    return new FeelExpression(source, Objects.requireNonNull(parsed));
  }

  static FeelExpression literal(String value) {
    return new FeelExpression(value, null);
  }

  public boolean isStatic() {
    return parsed == null;
  }

  /** The text of the expression without the leading {@code =}, or the static value. */
  public String source() {
    return source;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return isStatic() ? source : "=" + source;
  }
}
