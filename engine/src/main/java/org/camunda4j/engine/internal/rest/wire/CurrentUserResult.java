package org.camunda4j.engine.internal.rest.wire;

import java.util.List;
import java.util.Map;

/**
 * Answer of {@code GET /v2/authentication/me}: who the caller is and where it belongs.
 *
 * @param username the username or client id; {@code null} when the engine authenticates nobody
 * @param displayName a user's name, else its username
 * @param authorizedComponents the web components it may open ({@code *} for all)
 * @param groups the ids of its groups, direct or through mapping rules
 * @param roles the ids of its roles, direct or through its groups and mapping rules
 * @param salesPlanType always {@code null}: no SaaS plan
 * @param c8Links links to other Camunda components; none here
 * @param canLogout whether it signed in with a session a browser can end (Basic), not a token
 */
public record CurrentUserResult(
    String username,
    String displayName,
    String email,
    List<String> authorizedComponents,
    List<Tenant> tenants,
    List<String> groups,
    List<String> roles,
    String salesPlanType,
    Map<String, String> c8Links,
    boolean canLogout) {

  public record Tenant(String tenantId, String name, String description) {}
}
