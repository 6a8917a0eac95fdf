package org.camunda4j.engine.internal.rest;

/**
 * Who sent a request, in 8.9's terms ({@code AuditLogActorTypeEnum}): a {@code USER} signed in with
 * Basic credentials, a {@code CLIENT} with a bearer token, or {@code ANONYMOUS} when the engine
 * authenticates nobody (no id then).
 */
public record Actor(String type, String id) {

  public static final Actor ANONYMOUS = new Actor("ANONYMOUS", null);
}
