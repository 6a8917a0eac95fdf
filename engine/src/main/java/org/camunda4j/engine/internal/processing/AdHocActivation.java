package org.camunda4j.engine.internal.processing;

import java.util.List;
import java.util.Map;

/**
 * What a worker (through its job's {@code adHocSubProcess} result) or a client (through
 * {@code POST /v2/element-instances/ad-hoc-activities/{key}/activation}) tells an ad-hoc sub-process.
 *
 * @param elements the elements to activate, each with variables set on it
 * @param completionConditionFulfilled the sub-process may complete (never together with elements)
 * @param cancelRemainingInstances terminate what still runs in it
 */
public record AdHocActivation(List<Element> elements, boolean completionConditionFulfilled, boolean cancelRemainingInstances) {

  public AdHocActivation {
    elements = List.copyOf(elements);
  }

  /** One element to activate and the variables it starts with. */
  public record Element(String elementId, Map<String, Object> variables) {}
}
