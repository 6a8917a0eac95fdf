package org.camunda4j.sdk;

import java.util.concurrent.CompletionStage;

/**
 * A non-blocking handler (strategy {@link ExecutionStrategy#ASYNC}): it returns at once with a stage
 * that completes with the outcome. Completing the stage exceptionally with {@link JobFailure} or
 * {@link JobError} fails the job or throws a BPMN error, like throwing them does.
 */
@FunctionalInterface
public interface AsyncJobHandler {
  CompletionStage<?> handle(ConnectedJobContext job) throws Exception;
}
