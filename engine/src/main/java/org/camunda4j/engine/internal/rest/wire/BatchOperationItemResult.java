package org.camunda4j.engine.internal.rest.wire;

/**
 * One item of {@code POST /v2/batch-operation-items/search} (8.9): a process instance of a
 * cancellation, an incident of an incident resolution.
 *
 * @param processedDate {@code null} while the item waits
 * @param errorMessage why a FAILED item failed, else {@code null}
 */
public record BatchOperationItemResult(
    BatchOperationType operationType,
    String batchOperationKey,
    String itemKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    BatchOperationItemState state,
    String processedDate,
    String errorMessage) {}
