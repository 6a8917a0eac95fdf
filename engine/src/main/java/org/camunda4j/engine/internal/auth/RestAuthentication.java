package org.camunda4j.engine.internal.auth;

import java.time.Clock;
import java.util.Set;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.internal.rest.Authentication;
import org.camunda4j.engine.internal.rest.Request;

/**
 * The engine's {@link Authentication}: the configured scheme on every request, except the public
 * endpoints below.
 */
public final class RestAuthentication {

  /**
   * Answers without credentials: the health check. 8.9 documents {@code GET /v2/status} as the
   * cluster's health and needing no permission, for load balancers and probes; topology and
   * license, which describe the cluster, need credentials like everything else.
   */
  static final String HEALTH = "GET /v2/status";
  /** The built-in token endpoint checks its clients itself. */
  static final String TOKEN = "POST " + TokenIssuer.PATH;

  private RestAuthentication() {}

  /** The issuer of the built-in token endpoint, if the configuration has clients for it. */
  public static TokenIssuer issuerFor(EngineAuth auth) {
    return auth instanceof EngineAuth.Oidc oidc && !oidc.clients().isEmpty() ? new TokenIssuer(oidc, Clock.systemUTC()) : null;
  }

  public static Authentication create(EngineAuth auth, TokenIssuer issuer) {
    return switch (auth) {
      case EngineAuth.None none -> Authentication.NONE;
      case EngineAuth.Basic basic -> guarded(new BasicAuthenticator(basic.users())::authenticate, Set.of(HEALTH));
      case EngineAuth.Oidc oidc -> guarded(new BearerAuthenticator(oidc, issuer)::authenticate,
          issuer == null ? Set.of(HEALTH) : Set.of(HEALTH, TOKEN));
    };
  }

  private interface Scheme {
    Caller authenticate(String authorization);
  }

  private static Authentication guarded(Scheme scheme, Set<String> publicEndpoints) {
    return (Request request) -> {
      if (!publicEndpoints.contains(request.method() + " " + request.path())) {
        scheme.authenticate(request.header("Authorization"));
      }
    };
  }
}
