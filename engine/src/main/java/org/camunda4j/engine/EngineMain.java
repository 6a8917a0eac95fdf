package org.camunda4j.engine;

import java.net.BindException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.camunda4j.engine.internal.cli.CommandLine;
import org.camunda4j.engine.internal.cli.CommandLine.UsageException;
import org.camunda4j.engine.internal.cli.Option;
import org.camunda4j.engine.internal.cli.Values;

/**
 * {@code bin/camunda4j engine [options]}: runs the engine standalone until the process is stopped,
 * and prints its REST address once it accepts connections. Every mistake (an unknown option, a bad
 * value, a port in use) is one line on stderr and exit code 2 (1 for a failed start); the stack trace
 * only with {@code --verbose}.
 */
public final class EngineMain {

  /** Every option of the command, one line each: name, value, help, and how it sets the config. */
  static final List<Option<EngineConfig.Builder>> OPTIONS = List.of(
      Option.value("--host", "ADDRESS", "the address the REST API listens on; 0.0.0.0 for every interface (default 127.0.0.1)",
          (config, value) -> config.host(Values.host(value))),
      Option.value("--port", "N", "the REST API's port; 0 picks a free one (default 8080)",
          (config, value) -> config.port(Values.port(value))));

  static final CommandLine<EngineConfig.Builder> COMMAND_LINE = new CommandLine<>(
      "bin/camunda4j engine",
      "Runs the Camunda-8-compatible engine standalone and serves the Orchestration Cluster REST API v2\n"
          + "until stopped (Ctrl-C). Prints 'camunda4j engine ready: REST API at <address>/v2' once it accepts connections.",
      OPTIONS);

  private static final String PREFIX = "camunda4j engine: ";

  private EngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    EngineConfig.Builder config = EngineConfig.builder().port(8080);
    CommandLine.Parsed parsed;
    try {
      parsed = COMMAND_LINE.parse(Arrays.asList(args), config);
    } catch (UsageException e) {
      System.err.println(PREFIX + e.getMessage());
      System.exit(2);
      return;
    }
    if (parsed.helpRequested()) {
      System.out.print(COMMAND_LINE.help());
      return;
    }
    EngineConfig engineConfig = config.build();
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
    System.out.println("camunda4j engine ready: REST API at " + engine.restAddress() + "/v2");
    System.out.flush();
    stopped.await();
  }

  /** One line for why the engine did not start, and what to do about it. */
  static final class StartFailure {

    private StartFailure() {}

    static String explain(Throwable failure, EngineConfig config) {
      String where = config.host() + ":" + config.port();
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
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
