package org.camunda4j.engine;

import java.net.BindException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.camunda4j.cli.CommandLine;
import org.camunda4j.cli.CommandLine.UsageException;
import org.camunda4j.cli.Option;
import org.camunda4j.cli.Values;
import org.camunda4j.engine.internal.log.LogUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * {@code bin/camunda4j engine [options]}: runs the engine standalone until the process is stopped,
 * and prints its REST address (and the web console's) once it accepts connections. Every mistake (an unknown option, a bad
 * value, a port in use) is one line on stderr and exit code 2 (1 for a failed start); the stack trace
 * only with {@code --verbose}.
 */
public final class EngineMain {

  /** Every option of the command, one line each: name, value, help, and how it sets the config. */
  static final List<Option<EngineOptions>> OPTIONS = List.of(
      Option.value("--host", "ADDRESS", "the address the REST API listens on; 0.0.0.0 for every interface (default 127.0.0.1);"
              + " another than loopback needs --auth basic|oidc or --allow-unauthenticated",
          (options, value) -> options.config.host(Values.host(value))),
      Option.value("--port", "N", "the REST API's port; 0 picks a free one (default 8080)",
          (options, value) -> options.config.port(Values.port(value))),
      Option.value("--auth", "none|basic|oidc", "who may call the API (default none); GET /v2/status always answers",
          (options, value) -> options.authMode = Values.oneOf(value, "none", "basic", "oidc")),
      Option.value("--user", "NAME:PASSWORD[:TENANT,...]", "a user for --auth basic (repeatable)",
          (options, value) -> options.users.add(EngineCredential.parse(value))),
      Option.value("--client", "ID:SECRET[:TENANT,...]", "a client of the built-in POST /oauth/token for --auth oidc (repeatable)",
          (options, value) -> options.clients.add(EngineCredential.parse(value))),
      Option.value("--jwt-issuer", "URL", "the iss of an external identity provider's tokens (--auth oidc)",
          (options, value) -> options.issuer = EngineOptions.absoluteUrl(value)),
      Option.value("--jwks-uri", "URL", "where that identity provider publishes its signing keys (--auth oidc)",
          (options, value) -> options.jwksUri = EngineOptions.absoluteUrl(value)),
      Option.value("--audience", "AUD", "the aud every token must carry (default camunda4j, the built-in tokens' audience)",
          (options, value) -> options.audience = value),
      Option.value("--token-lifetime", "DURATION", "how long built-in tokens are valid (default 5m)",
          (options, value) -> options.tokenLifetime = Values.duration(value)),
      Option.value("--tls-cert", "FILE", "the server certificate chain, PEM; with --tls-key the API is served over HTTPS",
          (options, value) -> options.tlsCert = Values.path(value)),
      Option.value("--tls-key", "FILE", "the server's private key, unencrypted PKCS#8 PEM",
          (options, value) -> options.tlsKey = Values.path(value)),
      Option.value("--tls-client-ca", "FILE", "require client certificates signed by these CAs, PEM (mutual TLS)",
          (options, value) -> options.tlsClientCa = Values.path(value)),
      Option.flag("--multi-tenancy", "confine every call to the caller's tenants (those after --user/--client and its"
              + " memberships through /v2/tenants); needs --auth basic|oidc",
          options -> options.config.multiTenancy(true)),
      Option.value("--authorizations", "on|off", "enforce /v2/authorizations: callers after --user/--client may do everything,"
              + " users and tokens from elsewhere only what they are granted (default off); needs --auth basic|oidc",
          (options, value) -> options.config.authorizations(Values.oneOf(value, "on", "off").equals("on"))),
      Option.flag("--allow-unauthenticated", "allow --auth none on an address other than loopback",
          options -> options.config.allowUnauthenticated(true)),
      Option.value("--console", "on|off", "serve the web console at /console/ (default on for a loopback --host, else off)",
          (options, value) -> options.config.console(Values.oneOf(value, "on", "off").equals("on"))),
      Option.value("--data-dir", "DIR", "keep the engine's state in DIR, so a restart on the same directory recovers it"
              + " (default " + EngineOptions.DEFAULT_DATA_DIRECTORY + ")",
          (options, value) -> options.config.dataDirectory(Values.path(value))),
      Option.flag("--in-memory", "keep nothing on disk: a restart starts empty",
          options -> options.config.dataDirectory(null)),
      Option.value("--history-retention", "DURATION", "how long an ended process instance is kept, with its jobs, variables,"
              + " incidents and user tasks, before it is removed (default " + EngineOptions.DEFAULT_HISTORY_RETENTION_TEXT + ")",
          (options, value) -> options.config.historyRetention(Values.duration(value))),
      Option.value("--history-max-instances", "N", "how many ended process instances are kept at most; the oldest go first"
              + " (default " + EngineOptions.DEFAULT_HISTORY_MAX_INSTANCES + ")",
          (options, value) -> options.config.historyMaxInstances(Values.positiveInt(value))));

  static final CommandLine<EngineOptions> COMMAND_LINE = new CommandLine<>(
      "bin/camunda4j engine",
      "Runs the Camunda-8-compatible engine standalone and serves the Orchestration Cluster REST API v2\n"
          + "until stopped (Ctrl-C). Prints 'camunda4j engine ready: REST API at <address>/v2' once it accepts connections.\n"
          + "Durable: its state is in ./" + EngineOptions.DEFAULT_DATA_DIRECTORY + " unless --data-dir or --in-memory says otherwise.",
      OPTIONS);

  private static final String PREFIX = "camunda4j engine: ";

  private EngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    EngineOptions options = new EngineOptions();
    CommandLine.Parsed parsed;
    EngineConfig engineConfig;
    try {
      parsed = COMMAND_LINE.parse(Arrays.asList(args), options);
      if (parsed.helpRequested()) {
        System.out.print(COMMAND_LINE.help());
        return;
      }
      engineConfig = options.build();
    } catch (UsageException | IllegalArgumentException e) {
      System.err.println(PREFIX + e.getMessage());
      System.exit(2);
      return;
    }
    Engine engine;
    try {
      engine = Engine.start(engineConfig);
    } catch (RuntimeException e) {
      System.err.println(PREFIX + StartFailure.explain(e, engineConfig));
      if (parsed.verbose()) {
        e.printStackTrace();
      }
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "camunda4j-shutdown"));
    System.out.println(
        "camunda4j engine ready: REST API at " + engine.restAddress() + "/v2"
            + describeState(engineConfig.dataDirectory()));
    engine.consoleAddress().ifPresent(console -> System.out.println("camunda4j console at " + console));
    System.out.flush();
    stopped.await();
  }

  private static String describeState(java.nio.file.@Nullable Path dataDirectory) {
    return dataDirectory == null ? " (in memory)" : " (state in " + dataDirectory.toAbsolutePath() + ")";
  }

  /** One line for why the engine did not start, and what to do about it. */
  static final class StartFailure {

    private StartFailure() {}

    static String explain(Throwable failure, EngineConfig config) {
      String where = config.host() + ":" + config.port();
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof LogUnavailableException log) {
          return String.valueOf(log.getMessage());
        }
        if (cause instanceof BindException bind) {
          String reason = String.valueOf(bind.getMessage());
          if (reason.contains("in use")) {
            return "port " + config.port() + " is already in use on " + config.host()
                + "; stop what listens there, or pick another port with --port (0 picks a free one)";
          }
          if (reason.contains("ermission")) {
            return "no permission to listen on port " + config.port() + "; pick a port above 1023 with --port";
          }
          return "cannot listen on " + where + " (" + reason + "); --host must be an address of this machine,"
              + " such as 127.0.0.1 or 0.0.0.0";
        }
      }
      return "could not start on " + where + ": " + failure.getMessage() + " (add --verbose for the stack trace)";
    }
  }
}
