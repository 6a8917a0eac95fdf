package org.camunda4j.testing;

/** How long one engine of a {@link CamundaTest} lives. */
public enum EngineScope {

  /** A fresh engine and fresh clients per test method: nothing leaks between tests. */
  PER_METHOD,

  /**
   * One engine for the whole class; cheaper when a class has many tests. Workers a test creates are
   * closed after it and a pinned clock is released, but instances and deployments stay, so tests
   * should not count what other tests left behind.
   */
  PER_CLASS
}
