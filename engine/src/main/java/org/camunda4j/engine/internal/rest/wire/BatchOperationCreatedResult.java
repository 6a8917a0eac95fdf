package org.camunda4j.engine.internal.rest.wire;

/** The answer to a batch call such as {@code POST /v2/process-instances/cancellation} (8.9). */
public record BatchOperationCreatedResult(String batchOperationKey, BatchOperationType batchOperationType) {}
