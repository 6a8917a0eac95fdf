package org.camunda4j.engine.internal.auth;

import java.util.List;

/**
 * An authenticated caller.
 *
 * @param name the username, client id or token subject
 * @param tenants the tenants it was configured with (empty: the default tenant)
 */
public record Caller(String name, List<String> tenants) {}
