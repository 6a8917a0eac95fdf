package org.camunda4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda4j.sdk.internal.client.ClientRuntime;

/**
 * Builds clients. Configuration precedence: the map given here, then the environment, then the
 * built-in defaults. Tests can replace the environment with {@link #environment(Map)}.
 */
public final class CamundaClientBuilder {

  private final Map<String, String> configuration = new LinkedHashMap<>();
  private Map<String, String> environment = System.getenv();

  CamundaClientBuilder() {}

  /** {@code CAMUNDA_*} keys and values; unknown keys are rejected with a suggestion. */
  public CamundaClientBuilder configuration(Map<String, String> values) {
    configuration.putAll(values);
    return this;
  }

  public CamundaClientBuilder configuration(String key, String value) {
    configuration.put(key, value);
    return this;
  }

  /** The environment to read instead of {@link System#getenv()}. */
  public CamundaClientBuilder environment(Map<String, String> values) {
    this.environment = Map.copyOf(values);
    return this;
  }

  public CamundaClient build() {
    return buildAsync().blocking();
  }

  public CamundaAsyncClient buildAsync() {
    return ClientRuntime.start(configuration, environment);
  }
}
