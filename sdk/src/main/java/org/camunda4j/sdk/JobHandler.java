package org.camunda4j.sdk;

/**
 * A blocking handler (strategies {@link ExecutionStrategy#THREAD} and {@link ExecutionStrategy#VIRTUAL}).
 *
 * <p>Return a {@code Map}, record or bean to complete with those variables, {@code null} to complete
 * without, or a {@link JobCompletionRequest} to send it as given. Throw {@link JobFailure} or
 * {@link JobError} for those outcomes; any other throwable fails the job with retries − 1.
 */
@FunctionalInterface
public interface JobHandler {
  Object handle(SyncJobContext job) throws Exception;
}
