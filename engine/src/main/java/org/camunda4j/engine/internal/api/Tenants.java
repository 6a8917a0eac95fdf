package org.camunda4j.engine.internal.api;

import org.camunda4j.engine.internal.rest.ApiException;

/** Multi-tenancy is off: only the default tenant exists. */
final class Tenants {

  static final String DEFAULT = "<default>";

  private Tenants() {}

  static String checked(String tenantId) {
    if (tenantId == null || tenantId.isBlank() || tenantId.equals(DEFAULT)) {
      return DEFAULT;
    }
    throw ApiException.invalidArgument(
        "Expected to handle request with tenant identifier '" + tenantId + "', but multi-tenancy is disabled: omit tenantId or use '<default>'");
  }
}
