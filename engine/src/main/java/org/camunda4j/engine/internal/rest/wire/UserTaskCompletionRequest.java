package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;

/**
 * Body of {@code POST /v2/user-tasks/{userTaskKey}/completion} (optional).
 *
 * @param action null means "complete"
 */
public record UserTaskCompletionRequest(Map<String, Object> variables, String action) {

  public String actionOrDefault() {
    return action == null || action.isBlank() ? "complete" : action;
  }
}
