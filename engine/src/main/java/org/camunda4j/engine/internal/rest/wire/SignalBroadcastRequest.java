package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/** Body of {@code POST /v2/signals/broadcast}. */
public record SignalBroadcastRequest(
    String signalName, Map<String, Object> variables, String tenantId) implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("signalName", signalName)
        .throwIfAny();
  }
}
