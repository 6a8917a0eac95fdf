package org.camunda4j.engine.internal.authorization;

import java.util.List;
import org.camunda4j.engine.internal.rest.Caller;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.Identities.Authorization;

/**
 * The one place that answers what a caller may do. Off, everyone may do everything (within its
 * tenants). On, a caller from the engine's configuration ({@code --user}, {@code --client}) still
 * may, since whoever starts the engine owns it and someone must grant the first authorizations;
 * any other caller (API users, tokens of an external identity provider) holds only what the
 * authorizations owned by it, its mapping rules, groups and roles grant.
 */
public final class Authorizer {

  private final boolean enabled;

  public Authorizer(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  public Grants grantsOf(Caller caller, Identities identities) {
    if (!enabled || caller.configured()) {
      return Grants.ALL;
    }
    Principal principal = Principal.of(caller, identities);
    List<Authorization> owned = identities.authorizations().stream()
        .filter(authorization -> principal.owns(authorization.ownerType(), authorization.ownerId()))
        .toList();
    return new Grants(principal, owned);
  }
}
