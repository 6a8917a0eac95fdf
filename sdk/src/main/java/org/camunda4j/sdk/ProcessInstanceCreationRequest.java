package org.camunda4j.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Starts a process instance, by BPMN process id ({@link #ofProcessId}) or definition key
 * ({@link #ofProcessDefinitionKey}). With {@link #withAwaitCompletion()} the call returns when the
 * instance has completed, with its variables.
 *
 * @param processDefinitionVersion {@code null} = latest
 * @param requestTimeout for awaitCompletion; {@code null} = the cluster default
 */
public record ProcessInstanceCreationRequest(
    @Nullable String processDefinitionId,
    @Nullable Integer processDefinitionVersion,
    @Nullable Long processDefinitionKey,
    @Nullable Map<String, Object> variables,
    @Nullable String tenantId,
    boolean awaitCompletion,
    @Nullable List<String> fetchVariables,
    @Nullable Duration requestTimeout,
    @Nullable List<String> tags) {

  public ProcessInstanceCreationRequest {
    if ((processDefinitionId == null) == (processDefinitionKey == null)) {
      throw new IllegalArgumentException("give exactly one of processDefinitionId and processDefinitionKey");
    }
  }

  public static ProcessInstanceCreationRequest ofProcessId(String processDefinitionId) {
    return new ProcessInstanceCreationRequest(processDefinitionId, null, null, null, null, false, null, null, null);
  }

  public static ProcessInstanceCreationRequest ofProcessDefinitionKey(long key) {
    return new ProcessInstanceCreationRequest(null, null, key, null, null, false, null, null, null);
  }

  public ProcessInstanceCreationRequest withVariables(Map<String, Object> vars) {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        vars, tenantId, awaitCompletion, fetchVariables, requestTimeout, tags);
  }

  public ProcessInstanceCreationRequest withVersion(int version) {
    return new ProcessInstanceCreationRequest(processDefinitionId, version, processDefinitionKey,
        variables, tenantId, awaitCompletion, fetchVariables, requestTimeout, tags);
  }

  public ProcessInstanceCreationRequest withTenantId(String tenant) {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        variables, tenant, awaitCompletion, fetchVariables, requestTimeout, tags);
  }

  public ProcessInstanceCreationRequest withAwaitCompletion() {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        variables, tenantId, true, fetchVariables, requestTimeout, tags);
  }

  public ProcessInstanceCreationRequest withRequestTimeout(Duration timeout) {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        variables, tenantId, awaitCompletion, fetchVariables, timeout, tags);
  }

  public ProcessInstanceCreationRequest withFetchVariables(List<String> names) {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        variables, tenantId, awaitCompletion, List.copyOf(names), requestTimeout, tags);
  }

  public ProcessInstanceCreationRequest withTags(List<String> newTags) {
    return new ProcessInstanceCreationRequest(processDefinitionId, processDefinitionVersion, processDefinitionKey,
        variables, tenantId, awaitCompletion, fetchVariables, requestTimeout, List.copyOf(newTags));
  }
}
