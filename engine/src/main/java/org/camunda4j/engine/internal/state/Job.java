package org.camunda4j.engine.internal.state;

import java.util.Map;

/**
 * A job: the unit of work a worker activates. Mutated only by {@link EventApplier}.
 *
 * <p>{@code lastEvent} is the name the job search reports as its state (CREATED, FAILED,
 * TIMED_OUT, RETRIES_UPDATED, COMPLETED, ...), which differs from the internal {@link JobState}.
 */
public final class Job implements java.io.Serializable {

  private final long key;
  private final String type;
  private final Map<String, String> customHeaders;
  private final long elementInstanceKey;
  // the element and its process change when the job's instance is migrated; the job keeps its type and retries
  String elementId;
  private final long processInstanceKey;
  long processDefinitionKey;
  String processDefinitionId;
  int processDefinitionVersion;
  private final String tenantId;
  private final JobKind kind;
  private final String listenerEventType;
  private final long creationTime;
  JobState state = JobState.ACTIVATABLE;
  String lastEvent = "CREATED";
  int retries;
  String worker = "";
  long deadline = -1;
  long recurAt = -1;
  String errorMessage;
  String errorCode;
  long lastUpdateTime;
  long activationCount;
  boolean live = true;
  boolean denied;
  String deniedReason;

  Job(
      long key,
      String type,
      int retries,
      Map<String, String> customHeaders,
      long elementInstanceKey,
      String elementId,
      long processInstanceKey,
      long processDefinitionKey,
      String processDefinitionId,
      int processDefinitionVersion,
      String tenantId,
      JobKind kind,
      String listenerEventType,
      long creationTime) {
    this.key = key;
    this.type = type;
    this.retries = retries;
    this.customHeaders = customHeaders;
    this.elementInstanceKey = elementInstanceKey;
    this.elementId = elementId;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.processDefinitionId = processDefinitionId;
    this.processDefinitionVersion = processDefinitionVersion;
    this.tenantId = tenantId;
    this.kind = kind;
    this.listenerEventType = listenerEventType;
    this.creationTime = creationTime;
    this.lastUpdateTime = creationTime;
  }

  public long key() { return key; }
  public String type() { return type; }
  public Map<String, String> customHeaders() { return customHeaders; }
  public long elementInstanceKey() { return elementInstanceKey; }
  public String elementId() { return elementId; }
  public long processInstanceKey() { return processInstanceKey; }
  public long processDefinitionKey() { return processDefinitionKey; }
  public String processDefinitionId() { return processDefinitionId; }
  public int processDefinitionVersion() { return processDefinitionVersion; }
  public String tenantId() { return tenantId; }
  public JobKind kind() { return kind; }
  public String listenerEventType() { return listenerEventType; }
  public long creationTime() { return creationTime; }
  /** Whether this task-listener job's completion denied the transition. */
  public boolean denied() { return denied; }
  /** The reason of a denial, or null. */
  public String deniedReason() { return deniedReason; }
  public JobState state() { return state; }
  public String lastEvent() { return lastEvent; }
  public int retries() { return retries; }
  public String worker() { return worker; }
  /** Epoch millis at which an activated job times out, or -1. */
  public long deadline() { return deadline; }
  /** Epoch millis at which a job waiting out its backoff becomes activatable again, or -1. */
  public long recurAt() { return recurAt; }
  public String errorMessage() { return errorMessage; }
  public String errorCode() { return errorCode; }
  public long lastUpdateTime() { return lastUpdateTime; }
  /** How often the job was activated; tells a stale hand-back from a current one. */
  public long activationCount() { return activationCount; }

  /** Whether the job still exists for commands (not completed, canceled or caught). */
  public boolean isLive() {
    return live;
  }
}
