package org.camunda4j.sdk;

/**
 * The request did not produce an HTTP answer: connection refused or reset, timeout, TLS failure, or an
 * answer the SDK could not read. The request may or may not have reached the cluster.
 */
public class CamundaTransportException extends CamundaException {

  public CamundaTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
