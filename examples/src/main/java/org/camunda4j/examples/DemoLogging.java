package org.camunda4j.examples;

import java.util.Map;

/**
 * Sets up slf4j-simple for the demo before anything logs: short timestamps, logger short names, and
 * everything on stdout so log lines and the progress line stay in order. A {@code -D} given on the
 * command line wins.
 */
final class DemoLogging {

  private static final Map<String, String> DEFAULTS = Map.of(
      "org.slf4j.simpleLogger.logFile", "System.out",
      "org.slf4j.simpleLogger.showDateTime", "true",
      "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
      "org.slf4j.simpleLogger.showThreadName", "false",
      "org.slf4j.simpleLogger.showShortLogName", "true",
      // the engine's own lines are not what the demo is about
      "org.slf4j.simpleLogger.log.org.camunda4j.engine", "warn");

  private DemoLogging() {}

  static void configure() {
    DEFAULTS.forEach((key, value) -> {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    });
  }
}
