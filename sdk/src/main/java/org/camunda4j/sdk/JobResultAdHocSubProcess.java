package org.camunda4j.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The result of an ad-hoc sub-process job: which elements to activate and whether to finish. */
public record JobResultAdHocSubProcess(
    List<ActivateElement> activateElements,
    Boolean isCompletionConditionFulfilled,
    Boolean isCancelRemainingInstances) implements JobResult {

  /** One element to activate, with its local variables. */
  public record ActivateElement(String elementId, Map<String, Object> variables) {}

  @JsonProperty("type")
  public String type() {
    return "adHocSubProcess";
  }
}
