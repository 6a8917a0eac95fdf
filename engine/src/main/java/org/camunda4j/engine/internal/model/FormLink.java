package org.camunda4j.engine.internal.model;

/**
 * A Camunda form linked by {@code zeebe:formDefinition formId}: the latest version of that form
 * id, or ({@code fromSameDeployment}, binding type "deployment") the one deployed with the process.
 */
public record FormLink(String formId, boolean fromSameDeployment) {}
