package org.camunda4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/camunda4j} and the demo as a user meets them: real child processes, their exit codes and
 * every line they print. (The engine's command line is {@code EngineMainTest}'s; none of these builds.)
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // child JVMs start slowly on a busy machine; this only guards against a hang
class CliTest {

  private static final Path SCRIPT = Path.of("..", "bin", "camunda4j").toAbsolutePath().normalize();
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  @TempDir
  Path temp;

  record Finished(int exitCode, String out, String err) {}

  private static Finished run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    String err = readAll(process.getErrorStream());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s ends on its own", command).isTrue();
    return new Finished(process.exitValue(), out.join(), err);
  }

  private static Finished script(String... args) throws Exception {
    return script(Map.of(), args);
  }

  private static Finished script(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private static Finished demo(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA_HOME.resolve("bin/java").toString(),
        "-cp", System.getProperty("java.class.path"), Demo.class.getName()));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  private static String readAll(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theHelpNamesEveryCommandAndEachCommandExplainsItself() throws Exception {
    Finished help = script("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("demo", "engine", "test", "install", "bench", "java")
        .contains("run a benchmark: cross-process, engine-start, engine-state, engine-throughput, jfr-summary, long-poll-latency, official-client, workers");

    for (String command : List.of("test", "install", "java")) {
      Finished commandHelp = script(command, "--help");
      assertThat(commandHelp.exitCode()).as(command + " --help").isZero();
      assertThat(commandHelp.out()).startsWith("usage: bin/camunda4j " + command);
    }
  }

  @Test
  void anUnknownCommandSaysSoAndNamesTheNearest() throws Exception {
    Finished typo = script("tset");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err().lines()).containsExactly(
        "camunda4j: unknown command 'tset'; did you mean 'test'?", "Run 'bin/camunda4j --help' for the commands.");
  }

  @Test
  void itWorksThroughASymlink() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("camunda4j"), SCRIPT);
    Finished help = run(List.of(link.toString(), "install", "--help"), Map.of());
    assertThat(help.exitCode()).isZero();
    Finished java = run(List.of(link.toString(), "java"), Map.of("JAVA_HOME", JAVA_HOME.toString()));
    assertThat(java.exitCode()).as(java.err()).isZero();
  }

  @Test
  void aJavaHomeOf21OrNewerComesFirst() throws Exception {
    Path chosen = Files.createDirectories(temp.resolve("chosen-jdk/bin"));
    for (String tool : List.of("java", "javac")) {
      Files.createSymbolicLink(chosen.resolve(tool), JAVA_HOME.resolve("bin").resolve(tool));
    }
    Finished java = script(Map.of("JAVA_HOME", chosen.getParent().toString()), "java");
    assertThat(java.exitCode()).as(java.err()).isZero();
    assertThat(java.out().strip()).isEqualTo(chosen.getParent().toString());

    Finished notAJdk = script(Map.of("JAVA_HOME", temp.toString()), "java");
    assertThat(notAJdk.exitCode()).isZero();
    assertThat(notAJdk.err()).contains("JAVA_HOME=" + temp + " is not a JDK 21 or newer; looking on the PATH");
  }

  @Test
  void theDemoExplainsItsOptions() throws Exception {
    Finished help = demo("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("usage: bin/camunda4j demo [options]")
        .contains("--instances N", "--rest-address URL", "--embedded", "--help");

    Finished typo = demo("--instance", "5");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err().lines()).containsExactly("camunda4j demo: unknown option '--instance'; did you mean"
        + " --instances? 'bin/camunda4j demo --help' lists every option.");
  }

  @Test
  void anUnreachableRestAddressIsOneLineSayingConnectionRefusedAndWhatToDo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String address = "http://127.0.0.1:" + closedPort;

    Finished refused = demo("--instances", "1", "--rest-address", address);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out().lines()).containsExactly("camunda4j demo: 1 orders on " + address + " (from --rest-address)");
    assertThat(refused.err().lines()).containsExactly("camunda4j demo: cannot reach " + address + ": connection refused."
        + " Start an engine there (bin/camunda4j engine), correct --rest-address or CAMUNDA_REST_ADDRESS, or run on"
        + " the embedded engine with --embedded (--verbose shows the stack trace)");
  }
}
