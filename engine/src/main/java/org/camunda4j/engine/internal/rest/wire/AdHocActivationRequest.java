package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/** Body of {@code POST /v2/element-instances/ad-hoc-activities/{adHocSubProcessInstanceKey}/activation}. */
public record AdHocActivationRequest(List<Element> elements, Boolean cancelRemainingInstances) implements Validatable {

  /** An element to activate, with the variables it starts with. */
  public record Element(String elementId, Map<String, Object> variables) {}

  @Override
  public void validate() {
    Violations violations = new Violations().required("elements", elements);
    if (elements != null) {
      for (Element element : elements) {
        violations.required("elements[].elementId", element == null ? null : element.elementId());
      }
    }
    violations.throwIfAny();
  }
}
