package org.camunda4j.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of an ad-hoc sub-process job (the job-worker form of an ad-hoc sub-process): which of
 * its elements to activate next, or that its completion condition is fulfilled. Both at once are
 * rejected by the engine; so is an element the sub-process cannot activate.
 *
 * @param activateElements the elements to activate, each with the variables it starts with
 * @param isCompletionConditionFulfilled the sub-process may complete
 * @param isCancelRemainingInstances terminate what still runs in it
 */
public record JobResultAdHocSubProcess(
    List<ActivateElement> activateElements,
    @Nullable Boolean isCompletionConditionFulfilled,
    @Nullable Boolean isCancelRemainingInstances) implements JobResult {

  public JobResultAdHocSubProcess {
    activateElements = List.copyOf(activateElements);
  }

  /** One element to activate, with its local variables. */
  public record ActivateElement(String elementId, @Nullable Map<String, Object> variables) {

    /** The element with no variables of its own. */
    public static ActivateElement of(String elementId) {
      return new ActivateElement(elementId, null);
    }
  }

  /** Activate these elements; the worker gets a new job when any of their flows completes. */
  public static JobResultAdHocSubProcess activate(ActivateElement... elements) {
    return new JobResultAdHocSubProcess(List.of(elements), null, null);
  }

  /** The completion condition is fulfilled: the sub-process completes once what runs in it has, or at once when {@code cancelRemaining}. */
  public static JobResultAdHocSubProcess complete(boolean cancelRemaining) {
    return new JobResultAdHocSubProcess(List.of(), true, cancelRemaining);
  }

  /** The wire discriminator. */
  @JsonProperty("type")
  public String type() {
    return "adHocSubProcess";
  }
}
