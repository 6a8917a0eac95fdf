package org.camunda4j.engine.internal.rest.wire;

/** The {@code state} of an incident. */
public enum IncidentState {
  ACTIVE,
  MIGRATED,
  RESOLVED,
  PENDING,
  UNKNOWN;
}
