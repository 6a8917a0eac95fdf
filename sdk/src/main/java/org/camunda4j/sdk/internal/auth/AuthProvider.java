package org.camunda4j.sdk.internal.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Supplies the {@code Authorization} header of each request. */
public interface AuthProvider {

  /** The header value, or empty for no header. */
  CompletableFuture<Optional<String>> authorization();

  /** The cluster answered 401: drop cached credentials so the next call fetches fresh ones. */
  default boolean invalidate() {
    return false;
  }

  AuthProvider NONE = () -> CompletableFuture.completedFuture(Optional.empty());

  static AuthProvider basic(String username, String password) {
    String token = java.util.Base64.getEncoder().encodeToString(
        (username.strip() + ":" + password.strip()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    CompletableFuture<Optional<String>> header = CompletableFuture.completedFuture(Optional.of("Basic " + token));
    return () -> header;
  }
}
