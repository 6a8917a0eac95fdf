package org.camunda4j.engine;

import java.net.URI;

/**
 * An embedded Camunda-8-compatible engine that serves the Orchestration Cluster REST API v2.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start()) {
 *   URI rest = engine.restAddress();   // http://127.0.0.1:<port>, clients append /v2
 *   ...
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

  private Engine() {}

  /** Starts an engine on loopback and a free port. */
  public static Engine start() {
    return start(EngineConfig.defaults());
  }

  /** Starts an engine as configured; returns once its REST server accepts connections. */
  public static Engine start(EngineConfig config) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The REST address without the {@code /v2} suffix, e.g. {@code http://127.0.0.1:41235}. */
  public URI restAddress() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The engine's clock, which tests can pin and advance. */
  public EngineClock clock() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Stops the REST server and the processor. Idempotent. */
  @Override
  public void close() {}
}
