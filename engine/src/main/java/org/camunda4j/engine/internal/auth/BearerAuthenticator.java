package org.camunda4j.engine.internal.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code Authorization: Bearer <JWT>}: the signature against the issuer's keys, then
 * {@code iss} (picks the issuer), {@code aud}, {@code exp} and {@code nbf} with
 * {@link EngineAuth.Oidc#CLOCK_SKEW}. An external issuer's JWKS is fetched once at start and cached
 * (refreshed ahead of expiry, and when a token names an unknown key id, rate-limited), so a request
 * blocks on the network only while the issuer rotates its keys.
 */
final class BearerAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticator.class);

  private static final Set<JWSAlgorithm> ALGORITHMS = algorithms();

  private final Map<String, ConfigurableJWTProcessor<SecurityContext>> processorsByIssuer = new HashMap<>();
  private final TokenIssuer builtIn;

  BearerAuthenticator(EngineAuth.Oidc config, TokenIssuer builtIn) {
    this.builtIn = builtIn;
    if (builtIn != null) {
      processorsByIssuer.put(EngineAuth.Oidc.BUILT_IN_ISSUER,
          processor(new ImmutableJWKSet<>(builtIn.publicKeys()), EngineAuth.Oidc.BUILT_IN_ISSUER, config.audience()));
    }
    if (config.issuer() != null) {
      JWKSource<SecurityContext> keys;
      try {
        keys = JWKSourceBuilder.create(config.jwksUri().toURL()).retrying(true).build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("--jwks-uri is not a valid URL: " + config.jwksUri(), e);
      }
      prefetch(keys, config);
      processorsByIssuer.put(config.issuer().toString(), processor(keys, config.issuer().toString(), config.audience()));
    }
  }

  /**
   * @throws ApiException 401 with a Bearer challenge
   */
  Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw Challenges.bearerMissing("This engine requires a bearer token: send 'Authorization: Bearer <access token>'"
          + (builtIn != null ? " (get one from POST /oauth/token with grant_type=client_credentials)." : "."));
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Challenges.bearerMissing("This engine accepts only bearer tokens ('Authorization: Bearer ...'), not '"
          + BasicAuthenticator.scheme(authorization) + "'.");
    }
    String token = authorization.substring(7).strip();
    SignedJWT jwt;
    String issuer;
    try {
      jwt = SignedJWT.parse(token);
      issuer = jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw Challenges.bearerInvalid("The bearer token is not a signed JWT.");
    }
    ConfigurableJWTProcessor<SecurityContext> processor = issuer == null ? null : processorsByIssuer.get(issuer);
    if (processor == null) {
      throw Challenges.bearerInvalid("The token's issuer " + (issuer == null ? "is missing" : "'" + issuer + "' is not trusted")
          + "; trusted: " + processorsByIssuer.keySet() + ".");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (Exception e) {
      // nimbus's messages say what failed (expired, wrong audience, bad signature) without secrets.
      throw Challenges.bearerInvalid("The bearer token was rejected: " + e.getMessage());
    }
    String subject = claims.getSubject() != null ? claims.getSubject() : String.valueOf(claims.getClaim("client_id"));
    boolean configured = builtIn != null && EngineAuth.Oidc.BUILT_IN_ISSUER.equals(issuer);
    List<String> tenants = configured ? BasicAuthenticator.defaultIfNone(builtIn.tenantsOf(subject)) : List.of();
    Map<String, Object> claimValues = new HashMap<>();
    claims.getClaims().forEach((name, value) -> {
      if (value != null) {
        claimValues.put(name, value);
      }
    });
    return new Caller(subject, Caller.Kind.CLIENT, tenants, claimValues, configured);
  }

  private static ConfigurableJWTProcessor<SecurityContext> processor(
      JWKSource<SecurityContext> keys, String issuer, String audience) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iss", "aud"));
    claims.setMaxClockSkew((int) EngineAuth.Oidc.CLOCK_SKEW.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }

  private static void prefetch(JWKSource<SecurityContext> keys, EngineAuth.Oidc config) {
    try {
      keys.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null);
    } catch (Exception e) {
      // The identity provider may start after the engine: tokens are checked once it answers.
      LOG.warn("Cannot fetch the signing keys from {} yet: {}", config.jwksUri(), e.toString());
    }
  }

  private static Set<JWSAlgorithm> algorithms() {
    Set<JWSAlgorithm> algorithms = new HashSet<>();
    algorithms.addAll(JWSAlgorithm.Family.RSA);
    algorithms.addAll(JWSAlgorithm.Family.EC);
    return Set.copyOf(algorithms);
  }
}
