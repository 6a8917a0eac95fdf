package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;

/** What a new process instance starts with. */
public record NewInstance(Map<String, Object> variables, List<String> tags, String businessId) {

  public NewInstance {
    variables = variables == null ? Map.of() : variables;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public static NewInstance withVariables(Map<String, Object> variables) {
    return new NewInstance(variables, List.of(), null);
  }
}
