package org.camunda4j.engine.internal.rest.wire;

/** How job activation picks tenants (8.9): the given {@code tenantIds}, or the caller's. */
public enum TenantFilter {
  PROVIDED,
  ASSIGNED;
}
