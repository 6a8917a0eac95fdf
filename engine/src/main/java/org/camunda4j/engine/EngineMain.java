package org.camunda4j.engine;

import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/camunda4j engine [--host 127.0.0.1] [--port 8080]}: runs the engine standalone until
 * the process is stopped, and prints its REST address once it accepts connections.
 */
public final class EngineMain {

  private EngineMain() {}

  public static void main(String[] args) throws InterruptedException {
    EngineConfig.Builder config = EngineConfig.builder().port(8080);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> config.host(value(args, ++i, "--host"));
        case "--port" -> config.port(port(value(args, ++i, "--port")));
        case "-h", "--help" -> {
          System.out.println("usage: bin/camunda4j engine [--host 127.0.0.1] [--port 8080]");
          return;
        }
        default -> fail("unknown option '" + args[i] + "'; usage: bin/camunda4j engine [--host 127.0.0.1] [--port 8080]");
      }
    }
    Engine engine = Engine.start(config.build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      stopped.countDown();
    }, "camunda4j-shutdown"));
    System.out.println("camunda4j engine ready: REST API at " + engine.restAddress() + "/v2");
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      fail(option + " needs a value");
    }
    return args[index];
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      fail("--port must be a number between 0 and 65535, got '" + text + "'");
      return -1;
    }
  }

  private static void fail(String message) {
    System.err.println("camunda4j engine: " + message);
    System.exit(2);
  }
}
