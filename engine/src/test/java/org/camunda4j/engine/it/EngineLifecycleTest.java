package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/** Embedding (issue 2 §8): engines start on free loopback ports, stay independent and stop cleanly. */
class EngineLifecycleTest {

  @Test
  void twoEnginesRunSideBySideOnTheirOwnPortsWithTheirOwnState() {
    try (Engine first = Engine.start();
        Engine second = Engine.start()) {
      assertThat(first.restAddress().getPort()).isNotEqualTo(second.restAddress().getPort());
      assertThat(first.restAddress().getHost()).isEqualTo("127.0.0.1");
      EngineHttp one = new EngineHttp(first.restAddress());
      EngineHttp two = new EngineHttp(second.restAddress());

      one.deployOk("bpmn/start-end.bpmn");

      assertThat(one.post("/process-instances", Map.of("processDefinitionId", "start-end")).status()).isEqualTo(200);
      assertThat(two.post("/process-instances", Map.of("processDefinitionId", "start-end")).status()).isIn(400, 404);
    }
  }

  @Test
  void anEngineStartsOnTheConfiguredPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }

    try (Engine engine = Engine.start(EngineConfig.builder().port(port).build())) {
      assertThat(engine.restAddress()).isEqualTo(URI.create("http://127.0.0.1:" + port));
      assertThat(new EngineHttp(engine.restAddress()).get("/topology").status()).isEqualTo(200);
    }
  }

  @Test
  void afterCloseThePortNoLongerAcceptsConnectionsAndCloseCanBeRepeated() {
    Engine engine = Engine.start();
    URI address = engine.restAddress();

    engine.close();
    engine.close();

    Eventually.get(
        "the port to refuse connections",
        () -> refuses(address),
        refused -> refused);
  }

  @Test
  void closingAnEngineEndsItsParkedLongPollsInsteadOfLeavingThemHanging() throws Exception {
    Engine engine = Engine.start();
    EngineHttp http = new EngineHttp(engine.restAddress());
    CompletableFuture<Object> parked =
        CompletableFuture.supplyAsync(() -> (Object) http.activate("never-created", 1, 60_000))
            .exceptionally(connectionClosed -> connectionClosed);
    http.get("/topology");

    engine.close();

    // Whether the poll gets an answer or a closed connection, it must end, and long before 60 s.
    assertThat(parked.get(20, TimeUnit.SECONDS)).isNotNull();
  }

  private static boolean refuses(URI address) {
    try (Socket socket = new Socket(address.getHost(), address.getPort())) {
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return true;
    }
  }
}
