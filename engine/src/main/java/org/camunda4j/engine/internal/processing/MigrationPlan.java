package org.camunda4j.engine.internal.processing;

import java.util.List;

/**
 * What {@code POST /v2/process-instances/{key}/migration} asks: the process definition to move the
 * instance to, and which element of it each element of the instance's definition becomes.
 */
public record MigrationPlan(long targetProcessDefinitionKey, List<Mapping> mappings) {

  /** An element of the instance's definition and the element of the target it becomes. */
  public record Mapping(String sourceElementId, String targetElementId) {}
}
