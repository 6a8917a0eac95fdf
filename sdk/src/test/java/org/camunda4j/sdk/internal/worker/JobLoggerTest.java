package org.camunda4j.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class JobLoggerTest {

  record Line(Level level, String message, Map<String, String> mdc) {}

  /** A logger that records each line with the MDC at the moment it was logged. */
  static final class RecordingLogger extends LegacyAbstractLogger {
    final List<Line> lines = new CopyOnWriteArrayList<>();

    RecordingLogger() {
      this.name = "recording";
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
        Throwable t) {
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      lines.add(new Line(level, org.slf4j.helpers.MessageFormatter.basicArrayFormat(pattern, args),
          mdc == null ? Map.of() : mdc));
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

  private final RecordingLogger delegate = new RecordingLogger();
  private final JobLogger log = new JobLogger(delegate,
      Map.of("jobType", "payment", "workerName", "w-1", "jobKey", "42"));

  /** slf4j-simple (the test binding) has a no-op MDC; MDC checks run only where a backend keeps MDC. */
  private static boolean mdcSupported() {
    MDC.put("probe", "x");
    boolean supported = "x".equals(MDC.get("probe"));
    MDC.remove("probe");
    return supported;
  }

  @Test
  void everyLineCarriesTheJobContextAsKeyValues() {
    log.info("charging {}", "card");

    Line line = delegate.lines.get(0);
    assertThat(line.level()).isEqualTo(Level.INFO);
    assertThat(line.message()).contains("jobKey=42").contains("jobType=payment").contains("workerName=w-1")
        .endsWith("charging card");
  }

  @Test
  void theContextIsThereInContinuationsOnOtherThreads() throws Exception {
    try (var other = Executors.newSingleThreadExecutor()) {
      CompletableFuture.runAsync(() -> log.warn("later, elsewhere"), other).get();
    }

    assertThat(delegate.lines).singleElement()
        .satisfies(line -> assertThat(line.message()).contains("jobKey=42").endsWith("later, elsewhere"));
  }

  @Test
  void withAnMdcBackendEachLineHasTheJobMdcAndLeavesTheCallersMdcAsItWas() throws Exception {
    assertThat(mdcSupported()).as("the test backend (logback-test.xml) keeps an MDC").isTrue();
    MDC.put("request", "outer");
    try (var other = Executors.newSingleThreadExecutor()) {
      CompletableFuture.runAsync(() -> log.warn("later, elsewhere"), other).get();
      assertThat(CompletableFuture.supplyAsync(MDC::getCopyOfContextMap, other).get()).isNullOrEmpty();
    }
    log.debug("here");

    assertThat(delegate.lines).allSatisfy(line -> assertThat(line.mdc()).containsEntry("jobKey", "42"));
    assertThat(MDC.get("request")).isEqualTo("outer");
    assertThat(MDC.get("jobKey")).isNull();
    MDC.clear();
  }

  @Test
  void withAnMdcBackendHandlerCodeRunsWithTheJobMdc() throws Exception {
    assertThat(mdcSupported()).as("the test backend (logback-test.xml) keeps an MDC").isTrue();

    String seen = log.withMdc(() -> MDC.get("jobKey"));

    assertThat(seen).isEqualTo("42");
    assertThat(MDC.get("jobKey")).isNull();
  }
}
