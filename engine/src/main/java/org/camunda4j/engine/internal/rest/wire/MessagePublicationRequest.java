package org.camunda4j.engine.internal.rest.wire;

import java.util.Map;
import org.camunda4j.engine.internal.rest.Validatable;

/**
 * Body of {@code POST /v2/messages/publication}.
 *
 * @param correlationKey null means ""
 * @param timeToLive ms the message stays buffered; null means 0 (not buffered)
 * @param messageId idempotency key: a duplicate while buffered is 409
 */
public record MessagePublicationRequest(
    String name,
    String correlationKey,
    Long timeToLive,
    String messageId,
    Map<String, Object> variables,
    String tenantId)
    implements Validatable {

  @Override
  public void validate() {
    new Violations()
        .required("name", name)
        .notNegative("timeToLive", timeToLive)
        .throwIfAny();
  }

  public String correlationKeyOrEmpty() {
    return correlationKey == null ? "" : correlationKey;
  }

  public long timeToLiveOrZero() {
    return timeToLive == null ? 0 : timeToLive;
  }
}
