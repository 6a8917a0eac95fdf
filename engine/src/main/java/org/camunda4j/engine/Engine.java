package org.camunda4j.engine;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import io.netty.handler.ssl.SslContext;
import org.camunda4j.engine.internal.api.Routes;
import org.camunda4j.engine.internal.auth.RestAuthentication;
import org.camunda4j.engine.internal.auth.TokenIssuer;
import org.camunda4j.engine.internal.console.ConsoleRoute;
import org.camunda4j.engine.internal.processing.ControlledClock;
import org.camunda4j.engine.internal.log.EventCodec;
import org.camunda4j.engine.internal.log.InMemoryEventLog;
import org.camunda4j.engine.internal.log.ClusterId;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.log.SqliteEventLog;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.HistoryRetention;
import org.camunda4j.engine.internal.rest.Authentication;
import org.camunda4j.engine.internal.rest.RestServer;
import org.camunda4j.engine.internal.rest.ServerTls;
import org.camunda4j.engine.internal.rest.Router;
import org.slf4j.LoggerFactory;

/**
 * An embedded Camunda-8-compatible engine that serves the Orchestration Cluster REST API v2.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start()) {
 *   URI rest = engine.restAddress();   // http://127.0.0.1:<port>, clients append /v2
 *   engine.clock().advance(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

  /**
   * Set (to true) in the engine's own test runs: closing an engine then checks that replaying its
   * event log into empty state rebuilds exactly the state it had, and fails the close if not.
   */
  static final String CHECK_REPLAY_ON_CLOSE = "camunda4j.engine.checkReplayOnClose";

  private final EngineOperations operations;
  private final RestServer server;
  private final URI restAddress;
  private final EngineClock clock;
  private final boolean console;
  private volatile boolean closed;

  private Engine(EngineOperations operations, RestServer server, String host, boolean tls, boolean console) {
    this.operations = operations;
    this.server = server;
    this.restAddress = URI.create((tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
    this.clock = new TickingClock(operations);
    this.console = console;
  }

  /** Starts an engine on loopback and a free port. */
  public static Engine start() {
    return start(EngineConfig.defaults());
  }

  /** Starts an engine as configured; returns once its REST server accepts connections. */
  public static Engine start(EngineConfig config) {
    // SLF4J initialises here, before Netty's preload thread logs: initialising from two threads at once
    // makes SLF4J print "replaying intercepted logging calls" warnings.
    LoggerFactory.getILoggerFactory();
    // Netty's classes load on another core while this thread builds the engine and its routes.
    CompletableFuture<Void> netty = CompletableFuture.runAsync(RestServer::preload, Engine::startDaemon);
    EngineOperations operations =
        new EngineOperations(
            new ControlledClock(),
            config.longPollTimeout(),
            new HistoryRetention(config.historyRetention(), config.historyMaxInstances()),
            transformer ->
                config.dataDirectory() == null
                    ? new InMemoryEventLog(new SnapshotCodec(transformer))
                    : SqliteEventLog.open(config.dataDirectory(), new EventCodec(transformer)));
    AtomicInteger port = new AtomicInteger(config.port());
    try {
      boolean console = config.console() && ConsoleRoute.available();
      TokenIssuer tokenIssuer = RestAuthentication.issuerFor(config.auth());
      Router router =
          Routes.create(operations, config.host(), port::get, tokenIssuer, console, ClusterId.of(config.dataDirectory()),
              config.multiTenancy(), config.authorizations());
      Authentication authentication = RestAuthentication.create(
          config.auth(), tokenIssuer, username -> operations.identities().user(username).map(user -> user.passwordHash()));
      SslContext tls = config.tls() == null ? null : ServerTls.context(config.tls());
      netty.join();
      RestServer server = RestServer.start(config.host(), config.port(), router, authentication, tls);
      port.set(server.port());
      return new Engine(operations, server, config.host(), tls != null, console);
    } catch (RuntimeException e) {
      operations.close();
      throw e;
    }
  }

  private static void startDaemon(Runnable task) {
    Thread thread = new Thread(task, "camunda4j-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The REST address without the {@code /v2} suffix, e.g. {@code http://127.0.0.1:41235}
   * ({@code https} with TLS). With the built-in token issuer, its endpoint is this address plus
   * {@code /oauth/token}.
   */
  public URI restAddress() {
    return restAddress;
  }

  /**
   * The web console's address, e.g. {@code http://127.0.0.1:8080/console/}; empty when the console
   * is off ({@link EngineConfig#console()}) or its jar is not on the classpath.
   */
  public Optional<URI> consoleAddress() {
    return console ? Optional.of(restAddress.resolve("/console/")) : Optional.empty();
  }

  /** The engine's clock, which tests can pin and advance. */
  public EngineClock clock() {
    return clock;
  }

  /** Stops the REST server and the processor. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close();
    String replayMismatch = Boolean.getBoolean(CHECK_REPLAY_ON_CLOSE) ? operations.replayMismatch() : null;
    operations.close();
    if (replayMismatch != null) {
      throw new IllegalStateException(replayMismatch);
    }
  }

  /** Moves the engine clock and waits until what fell due at the new time has been processed. */
  private record TickingClock(EngineOperations operations) implements EngineClock {

    @Override
    public Instant now() {
      return operations.clock().now();
    }

    @Override
    public void pin(Instant instant) {
      operations.clock().pin(instant.toEpochMilli());
      operations.tick().join();
    }

    @Override
    public void advance(Duration duration) {
      operations.clock().advance(duration.toMillis());
      operations.tick().join();
    }

    @Override
    public void reset() {
      operations.clock().reset();
      operations.tick().join();
    }

    @Override
    public boolean isPinned() {
      return operations.clock().isPinned();
    }
  }
}
