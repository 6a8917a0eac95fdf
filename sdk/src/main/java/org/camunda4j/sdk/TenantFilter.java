package org.camunda4j.sdk;

/** Which tenants a worker polls (Camunda 8.9). */
public enum TenantFilter {
  /** The tenants the worker names ({@link WorkerConfig#tenantIds()} or {@code CAMUNDA_TENANT_IDS}). */
  PROVIDED,
  /** Every tenant the authenticated client is assigned to; needs multi-tenancy on the cluster. */
  ASSIGNED
}
