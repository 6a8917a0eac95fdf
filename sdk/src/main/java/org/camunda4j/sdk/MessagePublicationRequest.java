package org.camunda4j.sdk;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message to publish ({@code POST /messages/publication}). Start with {@link #of(String, String)}.
 *
 * @param timeToLive how long the engine buffers the message when nothing waits for it yet
 * @param messageId optional idempotency key
 * @param tenantId {@code null} = the client's {@code CAMUNDA_TENANT_ID}, if any
 */
public record MessagePublicationRequest(
    String name,
    String correlationKey,
    @Nullable Duration timeToLive,
    @Nullable String messageId,
    @Nullable Map<String, Object> variables,
    @Nullable String tenantId) {

  public MessagePublicationRequest {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a message needs a name");
    }
  }

  public static MessagePublicationRequest of(String name, String correlationKey) {
    return new MessagePublicationRequest(name, correlationKey, null, null, null, null);
  }

  public MessagePublicationRequest withTimeToLive(Duration ttl) {
    return new MessagePublicationRequest(name, correlationKey, ttl, messageId, variables, tenantId);
  }

  public MessagePublicationRequest withMessageId(String id) {
    return new MessagePublicationRequest(name, correlationKey, timeToLive, id, variables, tenantId);
  }

  public MessagePublicationRequest withVariables(Map<String, Object> vars) {
    return new MessagePublicationRequest(name, correlationKey, timeToLive, messageId, vars, tenantId);
  }

  public MessagePublicationRequest withTenantId(String tenant) {
    return new MessagePublicationRequest(name, correlationKey, timeToLive, messageId, variables, tenant);
  }
}
