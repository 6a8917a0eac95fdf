package org.camunda4j.engine.internal.state;

import java.util.List;
import org.camunda4j.engine.internal.model.ProcessDefinition;

/** What the process-instance endpoints report about one instance, live or ended. */
public final class ProcessInstance implements java.io.Serializable {

  private final long key;
  /** Changes when the instance is migrated to another process version. */
  ProcessDefinition definition;
  private final List<String> tags;
  private final String businessId;
  private final long startDate;
  private final long parentProcessInstanceKey;
  private final long parentElementInstanceKey;
  private final long rootProcessInstanceKey;
  String state = "ACTIVE";
  long endDate = -1;
  int activeIncidents;

  ProcessInstance(
      long key,
      ProcessDefinition definition,
      List<String> tags,
      String businessId,
      long parentProcessInstanceKey,
      long parentElementInstanceKey,
      long rootProcessInstanceKey,
      long startDate) {
    this.parentProcessInstanceKey = parentProcessInstanceKey;
    this.parentElementInstanceKey = parentElementInstanceKey;
    this.rootProcessInstanceKey = rootProcessInstanceKey;
    this.key = key;
    this.definition = definition;
    this.tags = tags;
    this.businessId = businessId;
    this.startDate = startDate;
  }

  public long key() { return key; }
  public ProcessDefinition definition() { return definition; }
  public long startDate() { return startDate; }
  public List<String> tags() { return tags; }
  /** The business id given at creation, or null. */
  public String businessId() { return businessId; }
  /** ACTIVE, COMPLETED or TERMINATED. */
  public String state() { return state; }
  /** Epoch millis, or -1 while active. */
  public long endDate() { return endDate; }
  public boolean hasIncident() { return activeIncidents > 0; }
  /** The process instance of the call activity that created this one, or -1. */
  public long parentProcessInstanceKey() { return parentProcessInstanceKey; }
  /** The call activity instance that created this one, or -1. */
  public long parentElementInstanceKey() { return parentElementInstanceKey; }
  /** The top of the call hierarchy; the instance itself when it has no parent. */
  public long rootProcessInstanceKey() { return rootProcessInstanceKey; }
}
