package org.camunda4j.engine.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.Caller;

/**
 * Checks {@code Authorization: Basic ...} against the configured users, then the users created
 * through the identity API (a configured name wins). Configured passwords are compared as SHA-256
 * digests in constant time, so neither their content nor their length leaks through timing.
 */
final class BasicAuthenticator {

  private final Map<String, Entry> users = new HashMap<>();
  /** The stored password hash of a user created through the identity API, by username. */
  private final Function<String, Optional<String>> storedPasswordHash;
  private final Passwords passwords = new Passwords();

  private record Entry(byte[] passwordDigest, Caller caller) {}

  BasicAuthenticator(List<EngineCredential> credentials, Function<String, Optional<String>> storedPasswordHash) {
    this.storedPasswordHash = storedPasswordHash;
    for (EngineCredential credential : credentials) {
      users.put(credential.name(),
          new Entry(sha256(credential.secret()), new Caller(credential.name(), Caller.Kind.USER, defaultIfNone(credential.tenants()), Map.of(), true)));
    }
  }

  /** A configured credential without tenants has the default tenant. */
  static List<String> defaultIfNone(List<String> tenants) {
    return tenants.isEmpty() ? List.of("<default>") : tenants;
  }

  /**
   * @throws ApiException 401 with a Basic challenge
   */
  Caller authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw Challenges.basic("This engine requires HTTP Basic authentication: send 'Authorization: Basic base64(username:password)'.");
    }
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw Challenges.basic("This engine accepts only HTTP Basic credentials ('Authorization: Basic ...'), not '"
          + scheme(authorization) + "'.");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Challenges.basic("The Basic credentials are not valid base64 of 'username:password'.");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw Challenges.basic("The Basic credentials must be base64 of 'username:password'; the ':' is missing.");
    }
    String username = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    Entry entry = users.get(username);
    if (entry == null) {
      String stored = storedPasswordHash.apply(username).orElse(null);
      if (stored != null && passwords.matches(password, stored)) {
        return new Caller(username, Caller.Kind.USER, List.of(), Map.of(), false);
      }
    }
    byte[] given = sha256(password);
    // Compare even for an unknown user, so that timing does not tell which usernames exist.
    byte[] expected = entry == null ? new byte[given.length] : entry.passwordDigest();
    if (!MessageDigest.isEqual(given, expected) || entry == null) {
      throw Challenges.basic("Invalid username or password.");
    }
    return entry.caller();
  }

  static String scheme(String authorization) {
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    return scheme.length() > 20 ? scheme.substring(0, 20) + "…" : scheme;
  }

  private static byte[] sha256(String text) {
    return Passwords.sha256(text);
  }
}
