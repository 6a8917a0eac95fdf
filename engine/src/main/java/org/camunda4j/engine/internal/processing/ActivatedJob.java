package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.state.JobKind;

/** A job as handed to a worker: a snapshot taken at activation, with its variables. */
public record ActivatedJob(
    long jobKey,
    String type,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    Map<String, String> customHeaders,
    String processDefinitionId,
    int processDefinitionVersion,
    long processDefinitionKey,
    long processInstanceKey,
    long rootProcessInstanceKey,
    String elementId,
    long elementInstanceKey,
    String tenantId,
    JobKind kind,
    String listenerEventType,
    Map<String, Object> userTask,
    List<String> tags,
    long activationCount) {}
