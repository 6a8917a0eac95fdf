package org.camunda4j.sdk.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.internal.json.Json;
import org.slf4j.Logger;

/**
 * The lines the worker's own (main-process) logger writes for each job's lifecycle, whatever the
 * strategy, so a PROCESS handler, whose per-job logger lives in a child JVM, is still on record:
 * activation and completion at DEBUG (one per job, too many for INFO), a failure at INFO (WARN when no
 * retries are left and the engine raises an incident), a BPMN error at INFO.
 */
final class JobLifecycleLog {

  private JobLifecycleLog() {}

  static void activated(Logger log, ActivatedJob job, long lockMillis) {
    log.debug("Job {} activated ({} retries left, locked for {} ms)", job.jobKey(), job.retries(), lockMillis);
  }

  /** After the cluster accepted the worker's acknowledgement. */
  static void accepted(Logger log, long jobKey, Ack ack) {
    switch (ack) {
      case Ack.Complete ignored -> log.debug("Job {} completed", jobKey);
      case Ack.Fail fail -> {
        JsonNode body = Json.mapper().valueToTree(fail.body());
        int retries = body.path("retries").asInt(0);
        if (retries > 0) {
          log.info("Job {} failed: {} ({} retries left)", jobKey, body.path("errorMessage").asText(""), retries);
        } else {
          log.warn("Job {} failed: {} (no retries left: the engine raises an incident)", jobKey,
              body.path("errorMessage").asText(""));
        }
      }
      case Ack.ThrowError error -> {
        JsonNode body = Json.mapper().valueToTree(error.body());
        log.info("Job {} threw BPMN error '{}': {}", jobKey, body.path("errorCode").asText(""),
            body.path("errorMessage").asText(""));
      }
      case Ack.HandBack ignored -> log.debug("Job {} handed back with its retries unchanged", jobKey);
      case Ack.AlreadyAcknowledged ignored -> log.debug("Job {} was acknowledged by its handler", jobKey);
      case Ack.Expired ignored -> log.debug("Job {} expired before it ran", jobKey);
    }
  }
}
