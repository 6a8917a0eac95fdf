package org.camunda4j.engine.internal.rest.wire;

/** A linked Camunda form: {@code GET /v2/user-tasks/{key}/form} and {@code GET /v2/process-definitions/{key}/form} (8.9). */
public record FormResult(String tenantId, String formId, String schema, int version, String formKey) {}
