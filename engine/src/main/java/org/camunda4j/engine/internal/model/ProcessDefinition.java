package org.camunda4j.engine.internal.model;

import java.util.Map;

/**
 * A deployed version of a BPMN process.
 *
 * @param key the process definition key
 * @param bpmnProcessId the process id from the model
 * @param version 1 for the first deployment of this id, counting up on each change
 * @param checksum identifies the resource content; an identical redeploy keeps the version
 */
public record ProcessDefinition(
    long key,
    String bpmnProcessId,
    String name,
    int version,
    String versionTag,
    String resourceName,
    String checksum,
    String tenantId,
    long deploymentKey,
    ExecutableElement process,
    Map<String, ExecutableElement> elements,
    byte[] resource) {

  public ExecutableElement element(String elementId) {
    ExecutableElement element = elements.get(elementId);
    if (element == null) {
      throw new IllegalArgumentException("process '" + bpmnProcessId + "' has no element '" + elementId + "'");
    }
    return element;
  }
}
