package org.camunda4j.sdk.internal.json;

import java.util.List;
import java.util.Map;
import org.camunda4j.sdk.ActivatedJob;

/**
 * Request bodies as the REST API spells them: keys as decimal strings, durations as milliseconds.
 * Public request types are translated into these at the edge.
 */
public final class Wire {

  private Wire() {}

  public record ActivateJobs(
      String type, String worker, long timeout, int maxJobsToActivate, List<String> fetchVariable,
      Long requestTimeout, List<String> tenantIds, String tenantFilter) {}

  public record ActivatedJobs(List<ActivatedJob> jobs) {
    public ActivatedJobs {
      jobs = jobs == null ? List.of() : jobs;
    }
  }

  public record FailJob(Integer retries, String errorMessage, Long retryBackOff, Map<String, Object> variables) {}

  public record ThrowError(String errorCode, String errorMessage, Map<String, Object> variables) {}

  public record UpdateJob(Changeset changeset) {
    public record Changeset(Integer retries, Long timeout) {}
  }

  public record PublishMessage(
      String name, String correlationKey, Long timeToLive, String messageId, Map<String, Object> variables,
      String tenantId) {}

  public record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId) {}

  public record CreateInstance(
      String processDefinitionId, Integer processDefinitionVersion, String processDefinitionKey,
      Map<String, Object> variables, String tenantId, Boolean awaitCompletion, List<String> fetchVariables,
      Long requestTimeout, List<String> tags) {}

  public record AssignUserTask(String assignee, Boolean allowOverride, String action) {}

  public record CompleteUserTask(Map<String, Object> variables, String action) {}

  public record UpdateUserTask(Map<String, Object> changeset, String action) {}

  public record Empty() {}

  /** {@code POST /process-instances/{key}/migration}; keys are strings on the wire. */
  public record MigrateProcessInstance(String targetProcessDefinitionKey, List<MappingInstruction> mappingInstructions) {}

  public record MappingInstruction(String sourceElementId, String targetElementId) {}
}
