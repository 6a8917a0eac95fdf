package org.camunda4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda4j.engine.it.EngineHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone engine, as {@code bin/camunda4j engine} runs it: a real child JVM. */
class EngineMainTest {

  private static final Pattern READY = Pattern.compile("camunda4j engine ready: REST API at (http://\\S+)/v2");

  /** The child engines' working directory. */
  @TempDir static Path workingDirectory;

  @Test
  void theStandaloneEnginePrintsItsAddressWhenReadyAndServesTheApi() throws Exception {
    Process engine = start("--host", "127.0.0.1", "--port", "0");
    CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(engine.getErrorStream()));
    try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
      String address = null;
      for (String line; address == null && (line = out.readLine()) != null; ) {
        Matcher ready = READY.matcher(line);
        if (ready.find()) {
          address = ready.group(1);
        }
      }
      assertThat(address).as("the ready line with the REST address").isNotNull();

      HttpResponse<String> topology =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(address + "/v2/topology")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(topology.statusCode()).isEqualTo(200);
      assertThat(topology.body()).contains("\"brokers\"");
      assertThat(out.readLine()).as("on loopback the console is on").isEqualTo("camunda4j console at " + address + "/console/");
    } finally {
      // SIGTERM through the handle: Process.destroy() also closes the pipes at once, which races the
      // reader of standard error ("Stream closed") before it has read the engine's last words
      engine.toHandle().destroy();
      assertThat(engine.waitFor(20, TimeUnit.SECONDS)).as("the engine stops when asked to").isTrue();
    }
    assertThat(errors.join()).as("no SLF4J initialisation warnings").doesNotContain("SLF4J");
  }

  @Test
  void helpListsEveryOptionAndExitsZero() throws Exception {
    Finished help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("usage: bin/camunda4j engine [options]");
    for (var option : EngineMain.OPTIONS) {
      assertThat(help.out()).as("the help names " + option.name()).contains(option.name());
    }
    assertThat(help.out()).contains("--verbose").contains("--help");
    assertThat(help.out()).contains("Durable: its state is in ./camunda4j-data unless --data-dir or --in-memory says otherwise.");
  }

  @Test
  void anUnknownOptionIsOneLineNamingTheNearestOne() throws Exception {
    Finished typo = run("--prot", "8080");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err().lines()).containsExactly(
        "camunda4j engine: unknown option '--prot'; did you mean --port? 'bin/camunda4j engine --help' lists every option.");
  }

  @Test
  void aPortOutOfRangeIsOneLineSayingWhatToGive() throws Exception {
    Finished badPort = run("--port", "70000");
    assertThat(badPort.exitCode()).isEqualTo(2);
    assertThat(badPort.err().lines()).containsExactly(
        "camunda4j engine: --port: '70000' is not a port; give a number from 1 to 65535, or 0 to pick a free one");
  }

  @Test
  void consoleTakesOnOrOff() throws Exception {
    Finished maybe = run("--console", "maybe");
    assertThat(maybe.exitCode()).isEqualTo(2);
    assertThat(maybe.err().lines()).singleElement().asString().startsWith("camunda4j engine: --console: 'maybe' is not one of on, off");
  }

  @Test
  void anUnresolvableHostIsOneLineSayingWhatToGive() throws Exception {
    Finished badHost = run("--host", "no-such-host.invalid");
    assertThat(badHost.exitCode()).isEqualTo(2);
    assertThat(badHost.err().lines()).singleElement().asString()
        .startsWith("camunda4j engine: --host: cannot resolve host 'no-such-host.invalid'; give an address such as 127.0.0.1");
  }

  @Test
  void aPortInUseIsOneLineNamingThePortWithoutAStackTrace() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      Finished quiet = run("--host", "127.0.0.1", "--port", String.valueOf(port));
      assertThat(quiet.exitCode()).isEqualTo(1);
      assertThat(quiet.err().lines()).containsExactly("camunda4j engine: port " + port + " is already in use on 127.0.0.1;"
          + " stop what listens there, or pick another port with --port (0 picks a free one)");

      Finished verbose = run("--host", "127.0.0.1", "--port", String.valueOf(port), "--verbose");
      assertThat(verbose.exitCode()).isEqualTo(1);
      assertThat(verbose.err()).contains("is already in use").contains("java.net.BindException");
    }
  }

  @Test
  void listeningBeyondLoopbackWithoutAuthenticationIsRefused() throws Exception {
    Finished open = run("--host", "0.0.0.0", "--port", "0");
    assertThat(open.exitCode()).isEqualTo(2);
    assertThat(open.err().lines()).singleElement().asString()
        .startsWith("camunda4j engine: Binding to 0.0.0.0 without authentication")
        .contains("--allow-unauthenticated");
  }

  @Test
  void storageAndHistoryOptionsHaveDurableDefaultsAndCanBeChanged() {
    EngineConfig defaults = parse();
    assertThat(defaults.dataDirectory()).isEqualTo(Path.of("camunda4j-data"));
    assertThat(defaults.historyRetention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(defaults.historyMaxInstances()).isEqualTo(100_000);

    EngineConfig changed = parse("--in-memory", "--history-retention", "2h", "--history-max-instances", "500");
    assertThat(changed.dataDirectory()).isNull();
    assertThat(changed.historyRetention()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(changed.historyMaxInstances()).isEqualTo(500);
    assertThat(parseFailure("--history-max-instances", "none")).contains("not a positive whole number");
  }

  @Test
  void authenticationOptionsBecomeTheEnginesAuth() {
    EngineConfig basic = parse("--auth", "basic", "--user", "demo:demo", "--user", "ana:pw:tenant-a,tenant-b");
    assertThat(basic.auth()).isEqualTo(EngineAuth.basic(List.of(
        EngineCredential.of("demo", "demo"), new EngineCredential("ana", "pw", List.of("tenant-a", "tenant-b")))));

    EngineConfig oidc = parse("--auth", "oidc", "--client", "app:secret", "--token-lifetime", "2m",
        "--jwt-issuer", "https://idp.example.com/realm", "--jwks-uri", "https://idp.example.com/certs", "--audience", "api");
    assertThat(oidc.auth()).isEqualTo(new EngineAuth.Oidc(URI.create("https://idp.example.com/realm"),
        URI.create("https://idp.example.com/certs"), "api", List.of(EngineCredential.of("app", "secret")), java.time.Duration.ofMinutes(2)));
  }

  @Test
  void authenticationOptionsThatDoNotFitTogetherSaySo() {
    assertThat(parseFailure("--auth", "basic")).isEqualTo("--auth basic needs at least one --user NAME:PASSWORD");
    assertThat(parseFailure("--user", "demo:demo")).contains("need --auth basic or oidc");
    assertThat(parseFailure("--auth", "oidc")).contains("--jwt-issuer").contains("--client");
    assertThat(parseFailure("--auth", "oidc", "--jwt-issuer", "https://idp.example.com", "--jwks-uri", "https://idp.example.com/k"))
        .contains("--jwt-issuer needs --audience");
    assertThat(parseFailure("--auth", "basic", "--user", "demo")).contains("expected NAME:SECRET");
    assertThat(parseFailure("--tls-cert", "server.pem")).isEqualTo("--tls-cert and --tls-key go together");
  }

  private static EngineConfig parse(String... args) {
    EngineOptions options = new EngineOptions();
    EngineMain.COMMAND_LINE.parse(List.of(args), options);
    return options.build();
  }

  private static String parseFailure(String... args) {
    try {
      parse(args);
    } catch (RuntimeException e) { // a bad value (UsageException) or options that do not fit together
      return e.getMessage();
    }
    throw new AssertionError("expected " + List.of(args) + " to be refused");
  }

  @Test
  void anEngineKilledWithSigkillAndRestartedOnItsDataDirectoryHasEverythingItAcknowledged(@TempDir Path data) throws Exception {
    Process first = start("--port", "0", "--data-dir", data.toString());
    List<String> instances = new ArrayList<>();
    try {
      EngineHttp http = new EngineHttp(URI.create(awaitReady(first)));
      http.deployOk("bpmn/single-service-task.bpmn");
      for (int i = 0; i < 20; i++) {
        instances.add(http.createInstance("single-service-task", java.util.Map.of("i", i)));
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      first.waitFor(20, TimeUnit.SECONDS);
    }

    Process second = start("--port", "0", "--data-dir", data.toString());
    try {
      EngineHttp http = new EngineHttp(URI.create(awaitReady(second)));
      assertThat(http.search("process-instances", java.util.Map.of("filter", java.util.Map.of("state", "ACTIVE"))))
          .extracting(instance -> instance.get("processInstanceKey").asText())
          .containsExactlyInAnyOrderElementsOf(instances);
      http.awaitJobCount("work", 20);
      http.completeNext("work", java.util.Map.of());
    } finally {
      second.destroy();
      second.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void theStandaloneEngineKeepsItsStateInCamunda4jDataUnlessToldToKeepItInMemory(@TempDir Path durable, @TempDir Path inMemory)
      throws Exception {
    assertThat(readyLine(durable, "--port", "0")).endsWith("(state in " + durable.resolve("camunda4j-data").toAbsolutePath() + ")");
    assertThat(durable.resolve("camunda4j-data").resolve("events.db")).exists();

    assertThat(readyLine(inMemory, "--port", "0", "--in-memory")).endsWith("(in memory)");
    try (var files = java.nio.file.Files.list(inMemory)) {
      assertThat(files).as("nothing written to the working directory").isEmpty();
    }
  }

  /** Starts an engine in {@code directory}, returns its ready line and stops it. */
  private static String readyLine(Path directory, String... args) throws Exception {
    Process engine = start(directory, args);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (READY.matcher(line).find()) {
          return line;
        }
      }
      throw new AssertionError("the engine ended without its ready line");
    } finally {
      engine.destroy();
      engine.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Reads the child's output until its ready line and returns the REST address. */
  private static String awaitReady(Process engine) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher ready = READY.matcher(line);
      if (ready.find()) {
        return ready.group(1);
      }
    }
    throw new AssertionError("the engine ended without its ready line");
  }

  private record Finished(int exitCode, String out, String err) {}

  private static Finished run(String... args) throws Exception {
    Process engine = start(args);
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(engine.getInputStream()));
    String err = readAll(engine.getErrorStream());
    assertThat(engine.waitFor(60, TimeUnit.SECONDS)).as("the engine exits on its own").isTrue();
    return new Finished(engine.exitValue(), out.join(), err);
  }

  private static String readAll(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Process start(String... args) throws Exception {
    return start(workingDirectory, args);
  }

  private static Process start(Path directory, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED"); // as bin/camunda4j runs it
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(directory.toFile()).start();
  }
}
