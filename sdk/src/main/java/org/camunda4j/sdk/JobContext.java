package org.camunda4j.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/** The job a handler works on, plus a logger bound to it. What every strategy's handler receives. */
public interface JobContext {

  /** The raw job as activated. */
  ActivatedJob job();

  default long jobKey() {
    return job().jobKey();
  }

  default String type() {
    return job().type();
  }

  /** The job's variables, as a map or bound to a record or bean. */
  Variables variables();

  /** The task headers ({@code zeebe:taskHeaders}), as a map or bound to a record or bean. */
  Variables customHeaders();

  default int retries() {
    return job().retries();
  }

  /** The lock expiry the cluster reported (engine clock). */
  default Instant deadline() {
    return Instant.ofEpochMilli(job().deadline());
  }

  /**
   * How long this worker still holds the lock, measured on this JVM's monotonic clock from when the
   * job arrived, so a skewed wall clock cannot mislead it. Negative once the lock has run out.
   */
  Duration timeRemaining();

  default long processInstanceKey() {
    return job().processInstanceKey();
  }

  default String processDefinitionId() {
    return job().processDefinitionId();
  }

  default long processDefinitionKey() {
    return job().processDefinitionKey();
  }

  default String elementId() {
    return job().elementId();
  }

  default long elementInstanceKey() {
    return job().elementInstanceKey();
  }

  /** BPMN_ELEMENT, EXECUTION_LISTENER, TASK_LISTENER or AD_HOC_SUB_PROCESS. */
  default String kind() {
    return job().kind();
  }

  default String listenerEventType() {
    return job().listenerEventType();
  }

  /** The user task of a task-listener job, else {@code null}. */
  default ActivatedJob.UserTaskProperties userTask() {
    return job().userTask();
  }

  default String tenantId() {
    return job().tenantId();
  }

  default List<String> tags() {
    return job().tags();
  }

  /** The worker name recorded on the job. */
  default String worker() {
    return job().worker();
  }

  /**
   * A logger bound to this job: MDC keys {@code jobType}, {@code workerName}, {@code jobKey} (also
   * attached as SLF4J key-value pairs) on every line, from whatever thread logs it. Under
   * {@link ExecutionStrategy#PROCESS} the lines are forwarded from the child to this JVM.
   */
  org.slf4j.Logger log();
}
