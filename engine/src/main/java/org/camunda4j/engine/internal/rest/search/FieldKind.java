package org.camunda4j.engine.internal.rest.search;

import java.util.List;

/** The type of a searchable field, which fixes its filter operators and how values compare. */
enum FieldKind {
  STRING(List.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  ENUM(List.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like")),
  KEY(List.of("$eq", "$neq", "$exists", "$in", "$notIn")),
  INTEGER(List.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in")),
  DATE(List.of("$eq", "$neq", "$exists", "$gt", "$gte", "$lt", "$lte", "$in")),
  BOOLEAN(List.of("$eq", "$neq", "$exists"));

  private final List<String> operators;

  FieldKind(List<String> operators) {
    this.operators = operators;
  }

  List<String> operators() {
    return operators;
  }
}
