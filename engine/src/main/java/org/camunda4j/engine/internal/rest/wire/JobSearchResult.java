package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;

/**
 * One item of {@code POST /v2/jobs/search} (8.9).
 *
 * @param deadline RFC 3339, {@code null} unless activated
 */
public record JobSearchResult(
    Map<String, String> customHeaders,
    String deadline,
    String deniedReason,
    String elementId,
    String elementInstanceKey,
    String endTime,
    String errorCode,
    String errorMessage,
    boolean hasFailedWithRetriesLeft,
    Boolean isDenied,
    String jobKey,
    JobKind kind,
    JobListenerEventType listenerEventType,
    String processDefinitionId,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    int retries,
    JobState state,
    String tenantId,
    String type,
    String worker,
    String creationTime,
    String lastUpdateTime) {}
