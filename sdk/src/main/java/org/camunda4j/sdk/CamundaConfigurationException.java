package org.camunda4j.sdk;

/** A configuration value is missing, malformed or conflicts with another one; {@link #key()} names it. */
public class CamundaConfigurationException extends CamundaException {

  private final String key;

  public CamundaConfigurationException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The configuration key (e.g. {@code CAMUNDA_WORKER_TIMEOUT}) or worker setting that is wrong. */
  public String key() {
    return key;
  }
}
