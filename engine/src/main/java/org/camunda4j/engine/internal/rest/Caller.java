package org.camunda4j.engine.internal.rest;

import java.util.List;

/**
 * Who sent a request, as authentication found it.
 *
 * @param name the username, client id or token subject; empty for {@link #ANONYMOUS}
 * @param kind whether it signed in as a user (Basic) or a client (bearer token)
 * @param tenants the tenants its configuration gives it; tenants it is a member of through the
 *     identity API are added when tenants are checked
 */
public record Caller(String name, Kind kind, List<String> tenants) {

  /** The caller of an engine without authentication. */
  public static final Caller ANONYMOUS = new Caller("", Kind.ANONYMOUS, List.of());

  public enum Kind {
    USER,
    CLIENT,
    ANONYMOUS
  }

  public Caller {
    tenants = List.copyOf(tenants);
  }
}
