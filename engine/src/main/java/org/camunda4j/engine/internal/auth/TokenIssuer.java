package org.camunda4j.engine.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineCredential;

/**
 * The engine's own OAuth 2 client-credentials issuer, for local use: it signs short-lived ES256 JWTs
 * with a key made at start and kept in memory only, so a restarted engine rejects the old tokens and
 * clients fetch new ones. Wall-clock time, not the engine clock: tokens concern real clients.
 */
public final class TokenIssuer {

  /** Where the built-in endpoint is served: {@code POST} a client-credentials grant here. */
  public static final String PATH = "/oauth/token";

  private final ECKey signingKey;
  private final ECDSASigner signer;
  private final Map<String, Client> clients = new HashMap<>();
  private final String audience;
  private final Duration lifetime;
  private final Clock clock;

  private record Client(byte[] secretDigest, List<String> tenants) {}

  /** A token and its lifetime, as the token endpoint answers it. */
  public record Token(String accessToken, long expiresInSeconds) {}

  /** The client id is unknown or the secret is wrong. */
  public static final class InvalidClientException extends Exception {
    InvalidClientException(String message) {
      super(message);
    }
  }

  public TokenIssuer(EngineAuth.Oidc config, Clock clock) {
    try {
      this.signingKey = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
      this.signer = new ECDSASigner(signingKey);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot make the token signing key", e);
    }
    for (EngineCredential client : config.clients()) {
      clients.put(client.name(), new Client(sha256(client.secret()), client.tenants()));
    }
    this.audience = config.audience();
    this.lifetime = config.tokenLifetime();
    this.clock = clock;
  }

  /** Issues a token if {@code clientSecret} is {@code clientId}'s. */
  public Token issue(String clientId, String clientSecret) throws InvalidClientException {
    Client client = clients.get(clientId);
    byte[] given = sha256(clientSecret);
    byte[] expected = client == null ? new byte[given.length] : client.secretDigest();
    if (!MessageDigest.isEqual(given, expected) || client == null) {
      throw new InvalidClientException("Unknown client id or wrong client secret.");
    }
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(EngineAuth.Oidc.BUILT_IN_ISSUER)
        .subject(clientId)
        .audience(audience)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .jwtID(UUID.randomUUID().toString())
        .claim("client_id", clientId)
        .claim("tenants", client.tenants())
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return new Token(jwt.serialize(), lifetime.toSeconds());
  }

  /** The public half of the signing key, for checking the tokens this issuer made. */
  JWKSet publicKeys() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  /** The tenants of a built-in client, for tokens this issuer made. */
  List<String> tenantsOf(String clientId) {
    Client client = clients.get(clientId);
    return client == null ? List.of() : client.tenants();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
