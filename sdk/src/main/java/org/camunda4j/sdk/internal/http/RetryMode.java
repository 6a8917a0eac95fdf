package org.camunda4j.sdk.internal.http;

/** Which failures the transport retries on its own (3 attempts, full jitter, 100 ms → 2 s). */
public enum RetryMode {
  /** The caller handles failures (job activation, job acknowledgements). */
  NONE,
  /** Reads and idempotent writes: network errors, 429, 502, 503, 504. */
  IDEMPOTENT,
  /** Non-idempotent writes: only answers that prove the request was not processed (429, RESOURCE_EXHAUSTED, connect failure). */
  REJECTED_ONLY
}
