package org.camunda4j.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A user (for {@link EngineAuth.Basic}) or an OAuth client (for the built-in token endpoint of
 * {@link EngineAuth.Oidc}): a name, its secret and the tenants it may use.
 *
 * @param name the username or client id
 * @param secret the password or client secret
 * @param tenants the tenants this caller belongs to; empty means the default tenant only
 */
public record EngineCredential(String name, String secret, List<String> tenants) {

  public EngineCredential {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secret, "secret");
    tenants = List.copyOf(tenants);
    if (name.isBlank() || name.contains(":")) {
      throw new IllegalArgumentException("A credential's name must be non-blank and contain no ':', was '" + name + "'");
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("The credential '" + name + "' has an empty secret");
    }
  }

  public static EngineCredential of(String name, String secret) {
    return new EngineCredential(name, secret, List.of());
  }

  /**
   * Parses {@code NAME:SECRET[:TENANT,TENANT...]}, the form of {@code --user} and {@code --client}.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  public static EngineCredential parse(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length < 2 || parts[0].isBlank() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "expected NAME:SECRET or NAME:SECRET:TENANT,TENANT..., got '" + redacted(text) + "'");
    }
    List<String> tenants = parts.length == 3
        ? Arrays.stream(parts[2].split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList()
        : List.of();
    return new EngineCredential(parts[0], parts[1], tenants);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "EngineCredential[" + name + ", tenants=" + tenants + "]";
  }

  private static String redacted(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? text : text.substring(0, colon) + ":***";
  }
}
