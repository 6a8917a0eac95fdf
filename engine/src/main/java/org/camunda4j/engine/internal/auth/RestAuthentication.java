package org.camunda4j.engine.internal.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.internal.rest.Actor;
import org.camunda4j.engine.internal.rest.Authentication;
import org.camunda4j.engine.internal.rest.Caller;
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

  /**
   * The web console's files, under bearer authentication only. A browser cannot send a bearer token
   * when it loads a page, so the page must load without one; its files are the same for everyone
   * and say nothing about the engine's data, which the page then reads over the API with the token
   * its sign-in obtained. Under Basic the browser's own prompt covers page and API alike.
   */
  static boolean isConsoleFile(Request request) {
    String path = request.path();
    return (request.method().equals("GET") || request.method().equals("HEAD"))
        && (path.equals("/console") || path.startsWith("/console/"));
  }

  private RestAuthentication() {}

  /** The issuer of the built-in token endpoint, if the configuration has clients for it. */
  public static TokenIssuer issuerFor(EngineAuth auth) {
    return auth instanceof EngineAuth.Oidc oidc && !oidc.clients().isEmpty() ? new TokenIssuer(oidc, Clock.systemUTC()) : null;
  }

  /**
   * {@code storedPasswordHash} finds the users created through the identity API, who may sign in
   * with Basic too.
   */
  public static Authentication create(EngineAuth auth, TokenIssuer issuer, Function<String, Optional<String>> storedPasswordHash) {
    return switch (auth) {
      case EngineAuth.None none -> Authentication.NONE;
      case EngineAuth.Basic basic ->
          guarded(new BasicAuthenticator(basic.users(), storedPasswordHash)::authenticate, "USER", Set.of(HEALTH), request -> false);
      case EngineAuth.Oidc oidc -> guarded(new BearerAuthenticator(oidc, issuer)::authenticate, "CLIENT",
          issuer == null ? Set.of(HEALTH) : Set.of(HEALTH, TOKEN), RestAuthentication::isConsoleFile);
    };
  }

  private interface Scheme {
    Caller authenticate(String authorization);
  }

  /** {@code actorType}: what the scheme's callers are, as batch operations report them (Basic: users, bearer tokens: clients). */
  private static Authentication guarded(Scheme scheme, String actorType, Set<String> publicEndpoints, Predicate<Request> alsoPublic) {
    return (Request request) -> {
      if (publicEndpoints.contains(request.method() + " " + request.path()) || alsoPublic.test(request)) {
        return Caller.ANONYMOUS;
      }
      Caller caller = scheme.authenticate(request.header("Authorization"));
      request.actor(new Actor(actorType, caller.name()));
      return caller;
    };
  }
}
