package org.camunda4j.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How an engine is started. Immutable; build one with {@link #builder()}.
 *
 * @param host the address the REST server binds to
 * @param port the REST port; 0 picks a free one
 * @param longPollTimeout how long a job activation with {@code requestTimeout} 0 or absent waits
 */
public record EngineConfig(String host, int port, Duration longPollTimeout) {

  public EngineConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(longPollTimeout, "longPollTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (longPollTimeout.isNegative() || longPollTimeout.isZero()) {
      throw new IllegalArgumentException("longPollTimeout must be positive, was " + longPollTimeout);
    }
  }

  /** Loopback, a free port, the gateway's 10 s long-poll default. */
  public static EngineConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EngineConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private Duration longPollTimeout = Duration.ofSeconds(10);

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

    public EngineConfig build() {
      return new EngineConfig(host, port, longPollTimeout);
    }
  }
}
