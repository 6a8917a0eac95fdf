package org.camunda4j.examples;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.cli.CommandLine;
import org.camunda4j.cli.Option;
import org.camunda4j.cli.Values;

/**
 * The demo's command line, declared like the engine's: {@code [--instances N] [--rest-address URL]
 * [--embedded]}. Without {@code --rest-address} the demo runs where {@code CAMUNDA_REST_ADDRESS} (or
 * its alias {@code ZEEBE_REST_ADDRESS}) points, as every other camunda4j client does, and on the
 * embedded engine when neither is set or {@code --embedded} is given.
 *
 * @param restAddress a Camunda 8 REST endpoint to run against instead of the embedded engine;
 *     credentials then come from the usual {@code CAMUNDA_*} environment variables
 * @param restAddressSource where {@code restAddress} came from, for the demo's first line
 */
record DemoOptions(int instances, Optional<URI> restAddress, String restAddressSource, boolean verbose) {

  static final int DEFAULT_INSTANCES = 200;

  /** What the options set, before the environment is consulted. */
  private static final class Settings {
    int instances = DEFAULT_INSTANCES;
    URI restAddress;
    boolean embedded;
  }

  private static final List<Option<Settings>> OPTIONS = List.of(
      Option.value("--instances", "N", "how many orders to place (default " + DEFAULT_INSTANCES + ")",
          (settings, value) -> settings.instances = Values.positiveInt(value)),
      Option.value("--rest-address", "URL", "run against the Camunda 8 REST API at URL, with credentials from the"
          + " CAMUNDA_* variables (default: CAMUNDA_REST_ADDRESS if set, else the embedded engine)",
          (settings, value) -> settings.restAddress = httpUrl(value)),
      Option.flag("--embedded", "use the embedded engine even when CAMUNDA_REST_ADDRESS is set",
          settings -> settings.embedded = true));

  static final CommandLine<Settings> COMMAND_LINE = new CommandLine<>("bin/camunda4j demo",
      "Deploys order-fulfilment.bpmn, places the orders, runs a worker per job type (every strategy and outcome)\n"
          + "and prints a table per worker. Exits 0 only if every order ended as designed.",
      OPTIONS);

  /** Parsed options, or empty when {@code --help} was asked for. */
  static Optional<DemoOptions> parse(Map<String, String> environment, String... args) {
    Settings settings = new Settings();
    CommandLine.Parsed parsed = COMMAND_LINE.parse(List.of(args), settings);
    if (parsed.helpRequested()) {
      return Optional.empty();
    }
    if (settings.embedded && settings.restAddress != null) {
      throw new CommandLine.UsageException("--embedded and --rest-address exclude each other; give one of them");
    }
    if (settings.restAddress != null) {
      return Optional.of(new DemoOptions(settings.instances, Optional.of(settings.restAddress), "--rest-address", parsed.verbose()));
    }
    if (!settings.embedded) {
      for (String variable : List.of("CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS")) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank()) {
          URI address;
          try {
            address = httpUrl(value);
          } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(variable + ": " + e.getMessage() + "; or run with --embedded");
          }
          return Optional.of(new DemoOptions(settings.instances, Optional.of(address), variable, parsed.verbose()));
        }
      }
    }
    return Optional.of(new DemoOptions(settings.instances, Optional.empty(), "", parsed.verbose()));
  }

  static String help() {
    return COMMAND_LINE.help();
  }

  private static URI httpUrl(String text) {
    try {
      URI uri = URI.create(text.trim());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not an http(s) URL; give one such as http://localhost:8080");
  }
}
