package org.camunda4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone engine, as {@code bin/camunda4j engine} runs it: a real child JVM. */
class EngineMainTest {

  private static final Pattern READY = Pattern.compile("camunda4j engine ready: REST API at (http://\\S+)/v2");

  @Test
  void theStandaloneEnginePrintsItsAddressWhenReadyAndServesTheApi() throws Exception {
    Process engine = start("--host", "127.0.0.1", "--port", "0");
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
    } finally {
      engine.destroy();
      assertThat(engine.waitFor(20, TimeUnit.SECONDS)).as("the engine stops when asked to").isTrue();
    }
  }

  @Test
  void anUnknownOptionIsAnErrorThatSaysHowToCallIt() throws Exception {
    Process engine = start("--prot", "8080");
    assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String errors = new String(engine.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(engine.exitValue()).isEqualTo(2);
    assertThat(errors).contains("unknown option '--prot'").contains("usage: bin/camunda4j engine");
  }

  private static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
