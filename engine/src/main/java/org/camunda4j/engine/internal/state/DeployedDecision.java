package org.camunda4j.engine.internal.state;

import org.camunda4j.engine.internal.dmn.DecisionType;

/**
 * A deployed version of a decision, part of one version of its decision requirements graph.
 *
 * @param version counts up per decision id each time its graph changes
 * @param versionTag the decision's {@code camunda:versionTag}, or null
 */
public record DeployedDecision(
    long key,
    String decisionId,
    String name,
    int version,
    String versionTag,
    DecisionType type,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    String tenantId,
    long deploymentKey) implements java.io.Serializable {}
