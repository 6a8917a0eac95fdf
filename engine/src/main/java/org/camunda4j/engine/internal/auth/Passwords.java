package org.camunda4j.engine.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords of users created through the identity API, kept (and logged) only as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}. PBKDF2 makes a stolen event log slow to attack, and
 * therefore also slow to check: a successful check is remembered per stored hash, as a SHA-256
 * digest of the password, so a worker sending Basic credentials on every request pays it once.
 */
public final class Passwords {

  private static final String SCHEME = "pbkdf2-sha256";
  private static final int ITERATIONS = 120_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Stored hash to the digest of the password last found to match it. */
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

  /** A new salted hash of {@code password}: CPU-heavy, call it off the network and processor threads. */
  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return SCHEME + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(pbkdf2(password, salt, ITERATIONS));
  }

  /** Whether {@code password} matches the stored hash, in constant time. */
  boolean matches(String password, String stored) {
    byte[] digest = sha256(password);
    byte[] known = verified.get(stored);
    if (known != null) {
      return MessageDigest.isEqual(known, digest);
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    boolean matches = MessageDigest.isEqual(expected, pbkdf2(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1])));
    if (matches) {
      if (verified.size() > 10_000) {
        verified.clear(); // hashes of changed or deleted users linger; never let them pile up
      }
      verified.put(stored, digest);
    }
    return matches;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JDK has PBKDF2WithHmacSHA256", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
