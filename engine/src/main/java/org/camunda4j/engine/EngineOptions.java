package org.camunda4j.engine;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code bin/camunda4j engine}'s options collect before they are checked together: the
 * authentication and TLS options only make sense in combination, so they become an {@link EngineAuth}
 * and an {@link EngineTls} once every option is read.
 */
final class EngineOptions {

  /** As Camunda 8's secondary storage keeps ended instances by default. */
  static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(30);
  static final String DEFAULT_HISTORY_RETENTION_TEXT = "30d";
  /** What bounds the engine's memory when instances end faster than the retention removes them. */
  static final int DEFAULT_HISTORY_MAX_INSTANCES = 100_000;

  /** Where the standalone engine keeps its state unless told otherwise, relative to its working directory. */
  static final String DEFAULT_DATA_DIRECTORY = "camunda4j-data";

  final EngineConfig.Builder config = EngineConfig.builder().port(8080).dataDirectory(java.nio.file.Path.of(DEFAULT_DATA_DIRECTORY))
      .historyRetention(DEFAULT_HISTORY_RETENTION).historyMaxInstances(DEFAULT_HISTORY_MAX_INSTANCES);
  String authMode = "none";
  final List<EngineCredential> users = new ArrayList<>();
  final List<EngineCredential> clients = new ArrayList<>();
  @Nullable URI issuer;
  @Nullable URI jwksUri;
  @Nullable String audience;
  Duration tokenLifetime = EngineAuth.Oidc.DEFAULT_TOKEN_LIFETIME;
  @Nullable Path tlsCert;
  @Nullable Path tlsKey;
  @Nullable Path tlsClientCa;

  /**
   * @throws IllegalArgumentException naming the options that do not fit together
   */
  EngineConfig build() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (tlsClientCa != null && tlsCert == null) {
      throw new IllegalArgumentException("--tls-client-ca needs --tls-cert and --tls-key");
    }
    if (tlsCert != null) {
      config.tls(new EngineTls(tlsCert, tlsKey, tlsClientCa));
    }
    return config.auth(auth()).build();
  }

  private EngineAuth auth() {
    boolean oidcOptions = !clients.isEmpty() || issuer != null || jwksUri != null || audience != null;
    switch (authMode) {
      case "basic" -> {
        if (oidcOptions) {
          throw new IllegalArgumentException("--client, --jwt-issuer, --jwks-uri and --audience belong to --auth oidc");
        }
        if (users.isEmpty()) {
          throw new IllegalArgumentException("--auth basic needs at least one --user NAME:PASSWORD");
        }
        return EngineAuth.basic(users);
      }
      case "oidc" -> {
        if (!users.isEmpty()) {
          throw new IllegalArgumentException("--user belongs to --auth basic; clients of the token endpoint are --client ID:SECRET");
        }
        if (issuer != null && audience == null) {
          throw new IllegalArgumentException("--jwt-issuer needs --audience: the aud your identity provider puts in tokens for this engine");
        }
        return new EngineAuth.Oidc(
            issuer, jwksUri, audience == null ? EngineAuth.Oidc.BUILT_IN_AUDIENCE : audience, clients, tokenLifetime);
      }
      default -> {
        if (!users.isEmpty() || oidcOptions) {
          throw new IllegalArgumentException("--user, --client, --jwt-issuer, --jwks-uri and --audience need --auth basic or oidc");
        }
        return EngineAuth.none();
      }
    }
  }

  static URI absoluteUrl(String text) {
    try {
      URI uri = URI.create(text);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // the message below says what to give
    }
    throw new IllegalArgumentException("'" + text + "' is not an absolute URL such as https://idp.example.com/realms/camunda");
  }
}
