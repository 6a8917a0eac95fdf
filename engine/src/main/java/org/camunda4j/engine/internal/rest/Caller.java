package org.camunda4j.engine.internal.rest;

import java.util.List;
import java.util.Map;

/**
 * Who sent a request, as authentication found it.
 *
 * @param name the username, client id or token subject; empty for {@link #ANONYMOUS}
 * @param kind whether it signed in as a user (Basic) or a client (bearer token)
 * @param tenants the tenants its configuration gives it; tenants it is a member of through the
 *     identity API are added when tenants are checked
 * @param claims the claims of its bearer token, which mapping rules match; empty for Basic
 * @param configured whether its credential comes from the engine's configuration rather than the
 *     identity API: such callers (and {@link #ANONYMOUS}) may do everything, since whoever starts
 *     the engine owns it and someone must be able to grant the first authorizations
 */
public record Caller(String name, Kind kind, List<String> tenants, Map<String, Object> claims, boolean configured) {

  /** The caller of an engine without authentication. */
  public static final Caller ANONYMOUS = new Caller("", Kind.ANONYMOUS, List.of(), Map.of(), true);

  public enum Kind {
    USER,
    CLIENT,
    ANONYMOUS
  }

  public Caller {
    tenants = List.copyOf(tenants);
    claims = Map.copyOf(claims);
  }
}
