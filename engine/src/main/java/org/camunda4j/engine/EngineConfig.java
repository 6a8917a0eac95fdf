package org.camunda4j.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an engine is started. Immutable; build one with {@link #builder()}.
 *
 * @param host the address the REST server binds to
 * @param port the REST port; 0 picks a free one
 * @param longPollTimeout how long a job activation with {@code requestTimeout} 0 or absent waits
 * @param auth who may call the REST API
 * @param tls TLS for the REST server, or null for plain HTTP
 * @param allowUnauthenticated whether {@link EngineAuth.None} may bind to an address other than loopback
 * @param console whether the web console is served at {@code /console/}; by default only on a
 *     loopback bind, since it can act on every instance
 * @param dataDirectory where the engine keeps its state, so that a restart on the same directory
 *     recovers it; null keeps everything in memory
 * @param historyRetention how long an ended process instance is kept (on the engine clock, from its
 *     end) with its jobs, variables, incidents, user tasks and element instances before it is
 *     removed; null keeps it for ever (the default)
 * @param historyMaxInstances how many ended process instances are kept at most; beyond it, the
 *     oldest are removed first (down to 5 % below the limit); {@link Integer#MAX_VALUE} (the default) has no limit
 * @param multiTenancy whether every command and query is confined to the caller's tenants (those of
 *     its {@link EngineCredential} and those it is a member of through {@code /v2/tenants}); needs
 *     authentication, since the tenants are the caller's. Off, everything is in {@code <default>}
 *     and any other tenant id is refused
 * @param authorizations whether {@code /v2/authorizations} are enforced: the callers the
 *     configuration names ({@link EngineCredential}s) may still do everything, any other caller only
 *     what its authorizations grant; needs authentication. Off (the default), every caller may do
 *     everything within its tenants
 */
public record EngineConfig(
    String host, int port, Duration longPollTimeout, EngineAuth auth, @Nullable EngineTls tls,
    boolean allowUnauthenticated, boolean console, @Nullable Path dataDirectory, @Nullable Duration historyRetention,
    int historyMaxInstances, boolean multiTenancy, boolean authorizations) {

  public EngineConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(longPollTimeout, "longPollTimeout");
    Objects.requireNonNull(auth, "auth");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (longPollTimeout.isNegative() || longPollTimeout.isZero()) {
      throw new IllegalArgumentException("longPollTimeout must be positive, was " + longPollTimeout);
    }
    if (historyRetention != null && historyRetention.isNegative()) {
      throw new IllegalArgumentException("historyRetention must not be negative, was " + historyRetention);
    }
    if (historyMaxInstances < 0) {
      throw new IllegalArgumentException("historyMaxInstances must not be negative, was " + historyMaxInstances);
    }
    if (auth instanceof EngineAuth.None && !allowUnauthenticated && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "Binding to " + host + " without authentication would let anyone on the network run processes; "
              + "choose --auth basic or oidc, or confirm with --allow-unauthenticated");
    }
    if (multiTenancy && auth instanceof EngineAuth.None) {
      throw new IllegalArgumentException(
          "Multi-tenancy confines each caller to its tenants, so it needs to know the caller: choose --auth basic or oidc");
    }
    if (authorizations && auth instanceof EngineAuth.None) {
      throw new IllegalArgumentException(
          "Authorizations say what each caller may do, so they need to know the caller: choose --auth basic or oidc");
    }
  }

  /** Loopback, a free port, the gateway's 10 s long-poll default, no authentication, plain HTTP. */
  public static EngineConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Builds an {@link EngineConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private Duration longPollTimeout = Duration.ofSeconds(10);
    private EngineAuth auth = EngineAuth.none();
    private @Nullable EngineTls tls;
    private boolean allowUnauthenticated;
    private @Nullable Boolean console;
    private @Nullable Path dataDirectory;
    private @Nullable Duration historyRetention;
    private int historyMaxInstances = Integer.MAX_VALUE;
    private boolean multiTenancy;
    private boolean authorizations;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder longPollTimeout(Duration longPollTimeout) {
      this.longPollTimeout = longPollTimeout;
      return this;
    }

    public Builder auth(EngineAuth auth) {
      this.auth = auth;
      return this;
    }

    public Builder tls(@Nullable EngineTls tls) {
      this.tls = tls;
      return this;
    }

    /** Lets an engine without authentication bind to an address other than loopback. */
    public Builder allowUnauthenticated(boolean allowUnauthenticated) {
      this.allowUnauthenticated = allowUnauthenticated;
      return this;
    }

    /** Serves the web console, or not; unset, it is served on a loopback bind only. */
    public Builder console(boolean console) {
      this.console = console;
      return this;
    }

    /** Keeps the engine's state in this directory (created if missing); null (the default) keeps it in memory. */
    public Builder dataDirectory(@Nullable Path dataDirectory) {
      this.dataDirectory = dataDirectory;
      return this;
    }

    /** Removes ended process instances this long after their end; null (the default) keeps them for ever. */
    public Builder historyRetention(@Nullable Duration historyRetention) {
      this.historyRetention = historyRetention;
      return this;
    }

    /** Keeps at most this many ended process instances, removing the oldest first; unlimited by default. */
    public Builder historyMaxInstances(int historyMaxInstances) {
      this.historyMaxInstances = historyMaxInstances;
      return this;
    }

    /** Confines every command and query to the caller's tenants; needs {@link #auth} basic or oidc. */
    public Builder multiTenancy(boolean multiTenancy) {
      this.multiTenancy = multiTenancy;
      return this;
    }

    /** Enforces {@code /v2/authorizations} for callers the configuration does not name; needs {@link #auth} basic or oidc. */
    public Builder authorizations(boolean authorizations) {
      this.authorizations = authorizations;
      return this;
    }

    public EngineConfig build() {
      return new EngineConfig(host, port, longPollTimeout, auth, tls, allowUnauthenticated, console != null ? console : isLoopback(host),
          dataDirectory, historyRetention, historyMaxInstances, multiTenancy, authorizations);
    }
  }
}
