package org.camunda4j.engine.internal.state;

/**
 * A deployed version of a decision requirements graph: one {@code .dmn} file.
 *
 * @param decisionRequirementsId the {@code id} of the file's {@code definitions}
 * @param version 1 for the first deployment of this id, counting up on each change
 * @param checksum identifies the content; an identical redeploy keeps the version
 * @param xml the file as deployed, which evaluation parses and {@code /xml} answers
 */
public record DeployedDecisionRequirements(
    long key,
    String decisionRequirementsId,
    String name,
    int version,
    String resourceName,
    String tenantId,
    long deploymentKey,
    String checksum,
    String xml) implements java.io.Serializable {}
