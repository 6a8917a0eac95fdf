package org.camunda4j.engine.internal.state;

/**
 * An incident: a step that could not go on until someone fixes its cause and resolves it.
 *
 * @param jobKey the job of a job incident, or -1
 * @param step what resolution runs again
 */
public record Incident(
    long key,
    String errorType,
    String errorMessage,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    long jobKey,
    String tenantId,
    long creationTime,
    IncidentStep step,
    String state) implements java.io.Serializable {

  Incident resolved() {
    return new Incident(
        key, errorType, errorMessage, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey,
        processDefinitionId, jobKey, tenantId, creationTime, step, "RESOLVED");
  }

  /** The incident of a migrated process instance: the same incident, on the element its element instance now has. */
  Incident migrated(String newElementId, long newProcessDefinitionKey, String newProcessDefinitionId) {
    return new Incident(
        key, errorType, errorMessage, elementInstanceKey, newElementId, processInstanceKey, newProcessDefinitionKey,
        newProcessDefinitionId, jobKey, tenantId, creationTime, step, state);
  }

  public boolean isActive() {
    return "ACTIVE".equals(state);
  }
}
