package org.camunda4j.examples;

import java.net.URI;
import java.util.Optional;

/**
 * The demo's command line: {@code [--instances N] [--rest-address URL]}.
 *
 * @param restAddress a Camunda 8 REST endpoint to run against instead of the embedded engine;
 *     credentials then come from the usual {@code CAMUNDA_*} environment variables
 */
record DemoOptions(int instances, Optional<URI> restAddress) {

  static final int DEFAULT_INSTANCES = 200;

  static final String USAGE = "usage: bin/camunda4j demo [--instances N] [--rest-address URL]";

  static DemoOptions parse(String... args) {
    int instances = DEFAULT_INSTANCES;
    Optional<URI> restAddress = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (value == null && (name.equals("--instances") || name.equals("--rest-address"))) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        value = args[++i];
      }
      switch (name) {
        case "--instances" -> instances = positive(value);
        case "--rest-address" -> restAddress = Optional.of(URI.create(value));
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    return new DemoOptions(instances, restAddress);
  }

  private static int positive(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--instances must be a positive whole number, was " + value + "\n" + USAGE);
  }
}
