package org.camunda4j.sdk.internal.process;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.camunda4j.sdk.internal.json.Json;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code job.log()} inside a PROCESS child: formats each line and sends it to the parent, which logs
 * it with the job's bound logger. Level filtering happens in the parent, where the configuration is.
 */
final class ForwardingLogger extends LegacyAbstractLogger {

  private final transient DataOutputStream out;

  ForwardingLogger(DataOutputStream out, String name) {
    this.out = out;
    this.name = name;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return ForwardingLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
    if (throwable != null) {
      StringWriter trace = new StringWriter();
      throwable.printStackTrace(new PrintWriter(trace));
      message = message + System.lineSeparator() + trace;
    }
    try {
      Frames.write(out, Frames.LOG, Json.write(Map.of("level", level.name(), "message", message)));
    } catch (IOException e) {
      System.err.println("[" + level + "] " + message);
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
