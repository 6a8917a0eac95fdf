package org.camunda4j.sdk;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A message correlated immediately, never buffered ({@code POST /messages/correlation}). */
public record MessageCorrelationRequest(
    String name, String correlationKey, @Nullable Map<String, Object> variables, @Nullable String tenantId) {

  public MessageCorrelationRequest {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a message needs a name");
    }
  }

  public static MessageCorrelationRequest of(String name, String correlationKey) {
    return new MessageCorrelationRequest(name, correlationKey, null, null);
  }

  public MessageCorrelationRequest withVariables(Map<String, Object> vars) {
    return new MessageCorrelationRequest(name, correlationKey, vars, tenantId);
  }

  public MessageCorrelationRequest withTenantId(String tenant) {
    return new MessageCorrelationRequest(name, correlationKey, variables, tenant);
  }
}
