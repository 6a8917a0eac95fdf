package org.camunda4j.sdk.internal.worker;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.JobCompletionRequest;
import org.camunda4j.sdk.JobError;
import org.camunda4j.sdk.JobFailure;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.json.Wire;
import org.slf4j.Logger;

/**
 * Turns what a handler returned or threw into an {@link Ack}, exactly as the seed describes. Shared by
 * the worker and the PROCESS child, so both map outcomes identically.
 */
public final class OutcomeMapper {

  /** Longest error message sent to the cluster; the full stack trace goes to the log. */
  public static final int MAX_ERROR_MESSAGE = 1000;

  private OutcomeMapper() {}

  public static Ack fromReturn(Object value, ActivatedJob job, Logger log) {
    if (value == null) {
      return new Ack.Complete(JobCompletionRequest.empty());
    }
    if (value instanceof JobCompletionRequest request) {
      return new Ack.Complete(request);
    }
    if (value instanceof JobFailure failure) {
      return fromThrowable(failure, job, log);
    }
    if (value instanceof JobError error) {
      return fromThrowable(error, job, log);
    }
    if (value instanceof java.util.concurrent.CompletionStage<?> || value instanceof java.util.concurrent.Future<?>) {
      String message = "a blocking handler returned a " + value.getClass().getName()
          + "; return the result itself, or let the worker wait for it: createJobWorker(config, handler) (AUTO)"
          + " or ExecutionStrategy.ASYNC";
      log.error("Job {} failed: {}", job.jobKey(), message);
      return fail(job, message);
    }
    try {
      Map<String, Object> variables = Json.toVariables(value);
      return new Ack.Complete(JobCompletionRequest.withVariables(variables));
    } catch (IllegalArgumentException e) {
      log.error("Job {} failed: {}", job.jobKey(), e.getMessage());
      return fail(job, e.getMessage());
    }
  }

  public static Ack fromThrowable(Throwable thrown, ActivatedJob job, Logger log) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof JobFailure failure) {
      int retries = failure.retries() != null ? failure.retries() : Math.max(0, job.retries() - 1);
      return new Ack.Fail(new Wire.FailJob(retries, truncate(failure.getMessage()),
          failure.retryBackOff().toMillis(), failure.variables()));
    }
    if (cause instanceof JobError error) {
      return new Ack.ThrowError(new Wire.ThrowError(error.errorCode(), truncate(error.getMessage()),
          error.variables()));
    }
    // One line (what was thrown and where) so expected failures do not flood the log; the trace at DEBUG.
    log.warn("Handler failed on job {} with {}{}; failing it with {} retries left", job.jobKey(), cause,
        thrownAt(cause), Math.max(0, job.retries() - 1));
    log.debug("Stack trace of the failure of job {}", job.jobKey(), cause);
    return fail(job, messageOf(cause));
  }

  /** {@code " at OrderHandlers.java:57"}: the frame that threw, or nothing if the trace is empty. */
  private static String thrownAt(Throwable cause) {
    StackTraceElement[] trace = cause.getStackTrace();
    if (trace.length == 0) {
      return "";
    }
    StackTraceElement top = trace[0];
    return " at " + top.getClassName() + "." + top.getMethodName()
        + (top.getFileName() != null ? "(" + top.getFileName() + ":" + top.getLineNumber() + ")" : "");
  }

  public static Ack fail(ActivatedJob job, String message) {
    return new Ack.Fail(new Wire.FailJob(Math.max(0, job.retries() - 1), truncate(message), 0L, null));
  }

  public static String messageOf(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getName();
    }
    return message;
  }

  public static String truncate(String message) {
    if (message == null) {
      return null;
    }
    return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE - 1) + "…";
  }

  public static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while ((current instanceof CompletionException || current instanceof ExecutionException
        || current instanceof java.lang.reflect.InvocationTargetException) && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
