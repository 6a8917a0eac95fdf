package org.camunda4j.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineAuth;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An engine started with {@code --auth oidc}: bearer JWTs from its built-in token endpoint and from
 * an external identity provider (a JWKS served by the test) are checked for signature, issuer,
 * audience and expiry.
 */
class OidcAuthenticationTest {

  private static final String ISSUER = "https://idp.example.test/realms/camunda";
  private static final String AUDIENCE = "orchestration-api";

  private static HttpServer identityProvider;
  private static RSAKey providerKey;
  private static Engine engine;

  @BeforeAll
  static void start() throws Exception {
    providerKey = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
    byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    identityProvider.createContext("/jwks", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    identityProvider.start();
    URI jwksUri = URI.create("http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/jwks");
    engine = Engine.start(EngineConfig.builder()
        .auth(new EngineAuth.Oidc(URI.create(ISSUER), jwksUri, AUDIENCE,
            List.of(EngineCredential.parse("worker-app:app-secret:tenant-a")), Duration.ofMinutes(5)))
        .build());
  }

  @AfterAll
  static void stop() {
    engine.close();
    identityProvider.stop(0);
  }

  private static Http.Answer topologyWith(String token) {
    return Http.get(engine.restAddress(), "/v2/topology", "Bearer " + token);
  }

  @Nested
  class BuiltInTokenEndpoint {

    @Test
    void aClientGetsATokenThatOpensTheApi() {
      Http.Answer answer = Http.postForm(engine.restAddress(), "/oauth/token",
          "grant_type=client_credentials&client_id=worker-app&client_secret=app-secret&audience=zeebe.camunda.io");

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body().get("token_type").asText()).isEqualTo("Bearer");
      assertThat(answer.body().get("expires_in").asLong()).isEqualTo(300);
      assertThat(topologyWith(answer.body().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void clientCredentialsMayComeAsHttpBasic() {
      Http.Answer answer = Http.send(engine.restAddress(), "/oauth/token", "grant_type=client_credentials",
          Http.basic("worker-app", "app-secret"));

      assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIs401() {
      Http.Answer answer = Http.postForm(engine.restAddress(), "/oauth/token",
          "grant_type=client_credentials&client_id=worker-app&client_secret=guess");

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.body().get("detail").asText()).isEqualTo("Unknown client id or wrong client secret.");
      assertThat(answer.challenge()).as("no challenge for form fields: a browser would prompt for a password").isNull();
    }

    @Test
    void aWrongSecretAsHttpBasicIs401WithABasicChallenge() {
      Http.Answer answer = Http.send(engine.restAddress(), "/oauth/token", "grant_type=client_credentials",
          Http.basic("worker-app", "guess"));

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.challenge()).startsWith("Basic");
    }

    @Test
    void anotherGrantTypeIs400() {
      Http.Answer answer = Http.postForm(engine.restAddress(), "/oauth/token", "grant_type=password&username=a&password=b");

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body().get("detail").asText()).contains("client_credentials");
    }

    @Test
    void aTokenOfAnotherEngineIsRejected() {
      String foreign;
      try (Engine other = Engine.start(EngineConfig.builder()
          .auth(EngineAuth.builtInIssuer(List.of(EngineCredential.parse("worker-app:app-secret"))).withAudience(AUDIENCE))
          .build())) {
        foreign = Http.postForm(other.restAddress(), "/oauth/token",
            "grant_type=client_credentials&client_id=worker-app&client_secret=app-secret").body().get("access_token").asText();
      }

      Http.Answer answer = topologyWith(foreign);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.challenge()).contains("error=\"invalid_token\"");
    }
  }

  @Nested
  class ExternalIdentityProvider {

    @Test
    void aValidTokenOpensTheApi() {
      assertThat(topologyWith(providerToken(claims -> claims)).status()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
      Http.Answer answer = topologyWith(providerToken(claims -> claims.audience("some-other-api")));

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body().get("detail").asText()).contains("aud");
    }

    @Test
    void aTokenOfAnUntrustedIssuerIsRejected() {
      Http.Answer answer = topologyWith(providerToken(claims -> claims.issuer("https://evil.example.test")));

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body().get("detail").asText()).contains("'https://evil.example.test' is not trusted");
    }

    @Test
    void aTokenJustExpiredIsAcceptedWithinTheClockSkew() {
      // 30 s of skew are allowed; a token that expired a moment ago is still good.
      String justExpired = providerToken(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(1))));

      assertThat(topologyWith(justExpired).status()).isEqualTo(200);
    }

    @Test
    void aTokenExpiredLongerThanTheClockSkewIsRejected() {
      String longExpired = providerToken(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120))));

      Http.Answer answer = topologyWith(longExpired);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body().get("detail").asText()).containsIgnoringCase("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
      RSAKey impostor = new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();

      assertThat(topologyWith(sign(impostor, baseClaims().build())).status()).isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRejected() {
      String unsigned = new PlainJWT(new PlainHeader(), baseClaims().build()).serialize();

      Http.Answer answer = topologyWith(unsigned);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body().get("detail").asText()).contains("not a signed JWT");
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
      Http.Answer answer = Http.get(engine.restAddress(), "/v2/topology", null);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.challenge()).isEqualTo("Bearer realm=\"camunda4j\"");
      assertThat(answer.body().get("detail").asText()).contains("POST /oauth/token");
    }

    private static JWTClaimsSet.Builder baseClaims() {
      Instant now = Instant.now();
      return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("service-account-1")
          .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String providerToken(UnaryOperator<JWTClaimsSet.Builder> change) {
      return sign(providerKey, change.apply(baseClaims()).build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
      try {
        SignedJWT jwt = new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
