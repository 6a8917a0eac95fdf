package org.camunda4j.sdk.internal.worker;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * A logger bound to one job. Each line carries {@code jobType}, {@code workerName} and {@code jobKey}
 * as MDC entries (set just for that call, so it also works in async continuations on any thread) and
 * as SLF4J key-value pairs (which backends without MDC support print as {@code key=value}).
 */
final class JobLogger extends LegacyAbstractLogger {

  private final transient Logger delegate;
  private final Map<String, String> context;

  JobLogger(Logger delegate, Map<String, String> context) {
    this.delegate = delegate;
    this.context = Map.copyOf(context);
    this.name = delegate.getName();
  }

  Map<String, String> context() {
    return context;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return JobLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    try {
      context.forEach(MDC::put);
      LoggingEventBuilder event = delegate.atLevel(level).setMessage(messagePattern);
      for (Map.Entry<String, String> entry : context.entrySet()) {
        event = event.addKeyValue(entry.getKey(), entry.getValue()); // a builder may return another builder
      }
      if (arguments != null) {
        for (Object argument : arguments) {
          event = event.addArgument(argument);
        }
      }
      if (throwable != null) {
        event = event.setCause(throwable);
      }
      if (marker != null) {
        event = event.addMarker(marker);
      }
      event.log();
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  /** Runs {@code body} with this job's MDC entries set, so the handler's own loggers carry them too. */
  <T> T withMdc(java.util.concurrent.Callable<T> body) throws Exception {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    try {
      context.forEach(MDC::put);
      return body.call();
    } finally {
      if (previous == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previous);
      }
    }
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
  }
}
