package org.camunda4j.sdk.internal.worker;

import org.camunda4j.sdk.JobCompletionRequest;

/** What the worker tells the cluster about a job once its handler is done (or never started). */
public sealed interface Ack {

  /** {@code body}: a {@link JobCompletionRequest}, or raw JSON from a PROCESS child. */
  record Complete(Object body) implements Ack {}

  record Fail(Object body) implements Ack {}

  record ThrowError(Object body) implements Ack {}

  /** Never started during shutdown: give it back with retries unchanged so another worker takes it now. */
  record HandBack(Object body) implements Ack {}

  /** The handler acknowledged the job itself through the job-scoped client. */
  record AlreadyAcknowledged() implements Ack {}

  /** The lock ran out before the handler could start; the cluster has already made the job available again. */
  record Expired() implements Ack {}
}
