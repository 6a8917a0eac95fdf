package org.camunda4j.engine.internal.rest;

/**
 * Decides whether a request may reach its route. Runs on a network thread before routing, so it
 * must not block (signature checks are CPU only; signing keys are cached).
 */
@FunctionalInterface
public interface Authentication {

  /** Lets every request through. */
  Authentication NONE = request -> {};

  /**
   * Returns if the request may proceed.
   *
   * @throws ApiException 401 UNAUTHORIZED with a {@code WWW-Authenticate} header otherwise
   */
  void authenticate(Request request);
}
