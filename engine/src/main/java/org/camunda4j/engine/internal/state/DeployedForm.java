package org.camunda4j.engine.internal.state;

/**
 * A deployed Camunda form ({@code .form} file), which a user task links by its id.
 *
 * @param formId the {@code id} in the form's JSON
 * @param version 1 for the first deployment of this id, counting up on each change
 * @param checksum identifies the content; an identical redeploy keeps the version
 * @param schema the form's JSON as deployed
 */
public record DeployedForm(
    long key, String formId, int version, String resourceName, String tenantId, long deploymentKey, String checksum, String schema) implements java.io.Serializable {}
