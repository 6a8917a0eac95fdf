package org.camunda4j.testing;

/**
 * How the kit's engine authenticates callers, and so how the kit's clients log in. The kit makes up
 * the credentials and configures every client it builds with them, so tests run as they would
 * against a secured cluster.
 */
public enum TestAuthentication {
  /** No authentication (the default). */
  NONE,
  /** HTTP Basic: the engine has one user; clients use {@code CAMUNDA_AUTH_STRATEGY=BASIC}. */
  BASIC,
  /**
   * OAuth client credentials: the engine issues tokens at {@code /oauth/token} to one client; clients
   * use {@code CAMUNDA_AUTH_STRATEGY=OAUTH} with {@code CAMUNDA_OAUTH_URL} pointing there.
   */
  OAUTH
}
