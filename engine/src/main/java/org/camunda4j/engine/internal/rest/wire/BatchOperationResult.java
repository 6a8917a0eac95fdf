package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/**
 * {@code GET /v2/batch-operations/{batchOperationKey}}, and each item of {@code POST
 * /v2/batch-operations/search} (8.9).
 *
 * @param actorType who started it; {@code null}: the engine records no identities
 * @param errors failures to find the items; always empty, the engine finds them as the batch is created
 */
public record BatchOperationResult(
    String batchOperationKey,
    BatchOperationState state,
    BatchOperationType batchOperationType,
    String startDate,
    String endDate,
    String actorType,
    String actorId,
    int operationsTotalCount,
    int operationsFailedCount,
    int operationsCompletedCount,
    List<Object> errors) {}
