package org.camunda4j.engine.internal.processing;

/** One file of a deployment. */
public record DeploymentResource(String name, byte[] content) {}
