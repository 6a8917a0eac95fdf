package org.camunda4j.engine.internal.rest.wire;

import java.util.List;

/**
 * {@code GET /v2/batch-operations/{batchOperationKey}}, and each item of {@code POST
 * /v2/batch-operations/search} (8.9).
 *
 * @param actorType who created it: {@code USER} (Basic credentials), {@code CLIENT} (a bearer token) or
 *     {@code ANONYMOUS} (an engine without authentication)
 * @param actorId the username or the token's subject (client id); null for {@code ANONYMOUS}
 * @param errors 8.9's per-partition failures to query the items ({@code QUERY_FAILED},
 *     {@code RESULT_BUFFER_SIZE_EXCEEDED}); always empty here, since the engine picks the items from
 *     its own state in the command that creates the batch, which cannot fail that way
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
