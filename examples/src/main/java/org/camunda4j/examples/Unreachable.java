package org.camunda4j.examples;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import org.camunda4j.sdk.CamundaTransportException;

/** One line for a REST address the demo cannot reach, and what to do about it; empty for other failures. */
final class Unreachable {

  private Unreachable() {}

  static Optional<String> explain(Throwable failure, URI address) {
    boolean transport = false;
    String reason = null;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      transport |= cause instanceof CamundaTransportException;
      if (cause instanceof ConnectException && reason == null) {
        reason = "connection refused";
      } else if (cause instanceof HttpConnectTimeoutException) {
        reason = "connection timed out";
      } else if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        reason = "unknown host " + address.getHost();
      }
    }
    if (!transport || reason == null) {
      return Optional.empty();
    }
    return Optional.of("cannot reach " + address + ": " + reason + ". Start an engine there (bin/camunda4j engine),"
        + " correct --rest-address or CAMUNDA_REST_ADDRESS, or run on the embedded engine with --embedded"
        + " (--verbose shows the stack trace)");
  }
}
