package org.camunda4j.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the engine's REST API. With anything but {@link None}, every endpoint except the
 * health check {@code GET /v2/status} (and the token endpoint itself) answers 401 without valid
 * credentials.
 */
public sealed interface EngineAuth {

  /** Anyone who can reach the port may call every endpoint. */
  static EngineAuth none() {
    return new None();
  }

  /** HTTP Basic with these users. */
  static EngineAuth basic(List<EngineCredential> users) {
    return new Basic(users);
  }

  /** Bearer JWTs issued by the engine's own {@code POST /oauth/token} to these clients. */
  static Oidc builtInIssuer(List<EngineCredential> clients) {
    return new Oidc(null, null, Oidc.BUILT_IN_AUDIENCE, clients, Oidc.DEFAULT_TOKEN_LIFETIME);
  }

  /** Bearer JWTs of an external identity provider, checked against its JWKS. */
  static Oidc externalIssuer(URI issuer, URI jwksUri, String audience) {
    return new Oidc(issuer, jwksUri, audience, List.of(), Oidc.DEFAULT_TOKEN_LIFETIME);
  }

  /** No authentication. */
  record None() implements EngineAuth {}

  /** HTTP Basic: {@code Authorization: Basic base64(name:password)}, checked on every request. */
  record Basic(List<EngineCredential> users) implements EngineAuth {
    public Basic {
      users = List.copyOf(users);
      if (users.isEmpty()) {
        throw new IllegalArgumentException("Basic authentication needs at least one user (--user NAME:PASSWORD)");
      }
      requireUniqueNames(users, "user");
    }
  }

  /**
   * Bearer JWTs: signature, {@code iss}, {@code aud} and {@code exp} (with {@link #CLOCK_SKEW}) are
   * checked. Tokens come from an external issuer ({@code issuer} and {@code jwksUri} both set), from
   * the engine's own client-credentials endpoint {@code POST /oauth/token} ({@code clients} not
   * empty), or from either.
   *
   * @param issuer the external issuer's {@code iss}, or null
   * @param jwksUri where the external issuer publishes its signing keys, or null
   * @param audience the {@code aud} every token must carry; the built-in endpoint issues it
   * @param clients the clients of the built-in token endpoint
   * @param tokenLifetime how long a built-in token is valid
   */
  record Oidc(@Nullable URI issuer, @Nullable URI jwksUri, String audience, List<EngineCredential> clients,
      Duration tokenLifetime)
      implements EngineAuth {

    /** The issuer name of tokens made by the built-in endpoint. */
    public static final String BUILT_IN_ISSUER = "urn:camunda4j:engine";
    /** The audience of built-in tokens when none is configured. */
    public static final String BUILT_IN_AUDIENCE = "camunda4j";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** How far past its expiry a token is still accepted, for clocks that differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    public Oidc {
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(tokenLifetime, "tokenLifetime");
      clients = List.copyOf(clients);
      if ((issuer == null) != (jwksUri == null)) {
        throw new IllegalArgumentException("An external issuer needs both --jwt-issuer and --jwks-uri");
      }
      if (issuer == null && clients.isEmpty()) {
        throw new IllegalArgumentException(
            "OIDC needs an external issuer (--jwt-issuer, --jwks-uri, --audience) or clients of the built-in token endpoint (--client ID:SECRET)");
      }
      if (audience.isBlank()) {
        throw new IllegalArgumentException("The audience must not be blank");
      }
      if (tokenLifetime.toSeconds() < 1) {
        throw new IllegalArgumentException("tokenLifetime must be at least one second, was " + tokenLifetime);
      }
      requireUniqueNames(clients, "client");
    }

    public Oidc withAudience(String audience) {
      return new Oidc(issuer, jwksUri, audience, clients, tokenLifetime);
    }

    public Oidc withClients(List<EngineCredential> clients) {
      return new Oidc(issuer, jwksUri, audience, clients, tokenLifetime);
    }

    public Oidc withTokenLifetime(Duration tokenLifetime) {
      return new Oidc(issuer, jwksUri, audience, clients, tokenLifetime);
    }
  }

  private static void requireUniqueNames(List<EngineCredential> credentials, String kind) {
    long distinct = credentials.stream().map(EngineCredential::name).distinct().count();
    if (distinct != credentials.size()) {
      throw new IllegalArgumentException("Each " + kind + " may be given only once");
    }
  }
}
