package org.camunda4j.engine.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.EngineCredential;
import org.camunda4j.engine.internal.rest.ApiException;

/**
 * Checks {@code Authorization: Basic ...} against the configured users. Passwords are compared as
 * SHA-256 digests in constant time, so neither their content nor their length leaks through timing.
 */
final class BasicAuthenticator {

  private final Map<String, Entry> users = new HashMap<>();

  private record Entry(byte[] passwordDigest, Caller caller) {}

  BasicAuthenticator(List<EngineCredential> credentials) {
    for (EngineCredential credential : credentials) {
      users.put(credential.name(), new Entry(sha256(credential.secret()), new Caller(credential.name(), credential.tenants())));
    }
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
    Entry entry = users.get(decoded.substring(0, colon));
    byte[] given = sha256(decoded.substring(colon + 1));
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
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
