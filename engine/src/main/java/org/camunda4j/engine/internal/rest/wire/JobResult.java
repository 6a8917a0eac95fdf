package org.camunda4j.engine.internal.rest.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * The {@code result} of a job completion ({@code POST /v2/jobs/{jobKey}/completion}), told apart by
 * {@code type}; without a {@code type} it is a user-task result, as in 8.8.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "type",
    visible = true,
    defaultImpl = JobResult.UserTask.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = JobResult.UserTask.class, name = JobResult.USER_TASK),
  @JsonSubTypes.Type(value = JobResult.AdHocSubProcess.class, name = JobResult.AD_HOC_SUB_PROCESS)
})
public sealed interface JobResult {

  String USER_TASK = "userTask";
  String AD_HOC_SUB_PROCESS = "adHocSubProcess";

  /**
   * Result of a task-listener job: deny the transition or correct task attributes.
   *
   * @param denied null means false
   */
  record UserTask(String type, Boolean denied, String deniedReason, Corrections corrections)
      implements JobResult {

    public boolean deniedOrFalse() {
      return Boolean.TRUE.equals(denied);
    }
  }

  /**
   * The attributes a task listener corrects; {@code null} keeps the stored value, an empty string
   * or list clears it.
   */
  record Corrections(
      String assignee,
      String dueDate,
      String followUpDate,
      List<String> candidateUsers,
      List<String> candidateGroups,
      Integer priority) {}

  /**
   * Result of an ad-hoc sub-process job: elements to activate, and whether the sub-process is done.
   *
   * @param isCompletionConditionFulfilled null means false
   * @param isCancelRemainingInstances null means false
   */
  record AdHocSubProcess(
      String type,
      List<ActivateElement> activateElements,
      Boolean isCompletionConditionFulfilled,
      Boolean isCancelRemainingInstances)
      implements JobResult {}

  /** One element an ad-hoc sub-process job activates, with its local variables. */
  record ActivateElement(String elementId, Map<String, Object> variables) {}
}
