package org.camunda4j.sdk;

import java.util.List;
import java.util.Map;

/** The created instance; {@code variables} holds the root variables when awaitCompletion was set. */
public record ProcessInstanceCreationResult(
    String processDefinitionId,
    int processDefinitionVersion,
    long processDefinitionKey,
    long processInstanceKey,
    String tenantId,
    Map<String, Object> variables,
    List<String> tags) {

  public ProcessInstanceCreationResult {
    variables = variables == null ? Map.of() : variables;
    tags = tags == null ? List.of() : tags;
  }
}
