/**
 * Job workers and a client for Camunda 8 over the Orchestration Cluster REST API (v2).
 *
 * <p>Start with {@link org.camunda4j.sdk.CamundaClient#create()} or
 * {@link org.camunda4j.sdk.CamundaAsyncClient#create()} (configured from {@code CAMUNDA_*}
 * environment variables and/or a map), register handlers with {@code createJobWorker}, and call
 * {@code runWorkers()}. A handler's return value completes its job; {@link org.camunda4j.sdk.JobFailure}
 * and {@link org.camunda4j.sdk.JobError} fail it or throw a BPMN error.
 *
 * <p>Everything public is in this package; {@code org.camunda4j.sdk.internal.*} carries no
 * compatibility promise.
 *
 * <p>Nothing here is null unless marked {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.camunda4j.sdk;

import org.jspecify.annotations.NullMarked;
