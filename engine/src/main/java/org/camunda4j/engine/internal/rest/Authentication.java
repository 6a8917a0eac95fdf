package org.camunda4j.engine.internal.rest;

/**
 * Decides whether a request may reach its route, and who sent it. Runs on a network thread before
 * routing, so it must not block (signature checks are CPU only; signing keys are cached).
 */
@FunctionalInterface
public interface Authentication {

  /** Lets every request through, as {@link Caller#ANONYMOUS}. */
  Authentication NONE = request -> Caller.ANONYMOUS;

  /**
   * Returns the caller if the request may proceed ({@link Caller#ANONYMOUS} on a public endpoint).
   *
   * @throws ApiException 401 UNAUTHORIZED with a {@code WWW-Authenticate} header otherwise
   */
  Caller authenticate(Request request);
}
