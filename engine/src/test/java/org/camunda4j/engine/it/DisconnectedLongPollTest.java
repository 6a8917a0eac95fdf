package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parked activation whose client has gone away must never swallow a job (API reference §12,
 * "Disconnected long polls"): a worker that stopped or died would otherwise leave jobs stuck until
 * their timeout.
 */
class DisconnectedLongPollTest extends EngineScenario {

  @Test
  void aJobCreatedAfterTheLongPollingClientHungUpGoesToTheNextActivationAtOnce() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    Socket abandoned = sendLongPoll("work");
    giveTheEngineTimeToParkIt();
    abandoned.close();

    String instance = http.createInstance("single-service-task");

    JsonNode job = http.activateOne("work");
    assertThat(job.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(job.path("retries").asInt()).as("retries unchanged").isEqualTo(3);
  }

  @Test
  void severalAbandonedLongPollsDoNotSwallowSeveralJobs() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    List<Socket> abandoned = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      abandoned.add(sendLongPoll("work"));
    }
    giveTheEngineTimeToParkIt();
    for (Socket socket : abandoned) {
      socket.close();
    }

    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(http.createInstance("single-service-task"));
    }
    http.awaitJobCount("work", 3);

    List<JsonNode> jobs = http.activateJobs("work", 10);
    assertThat(jobs).extracting(j -> j.path("processInstanceKey").asText()).containsExactlyInAnyOrderElementsOf(instances);
    assertThat(jobs).allSatisfy(j -> assertThat(j.path("retries").asInt()).isEqualTo(3));
  }

  @Test
  void aLiveLongPollNextToAnAbandonedOneStillGetsTheJob() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    Socket abandoned = sendLongPoll("work");
    giveTheEngineTimeToParkIt();
    abandoned.close();
    var live = java.util.concurrent.CompletableFuture.supplyAsync(() -> http.activate("work", 1, 60_000));

    String instance = http.createInstance("single-service-task");

    EngineHttp.Response response = live.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(response.json().path("jobs")).extracting(j -> j.path("processInstanceKey").asText()).containsExactly(instance);
  }

  /** Writes a raw long-poll activation (60 s) on its own connection and leaves it waiting. */
  private Socket sendLongPoll(String type) throws IOException {
    URI address = engine.restAddress();
    Socket socket = new Socket(address.getHost(), address.getPort());
    String body =
        "{\"type\":\"" + type + "\",\"worker\":\"vanishing\",\"timeout\":300000,\"maxJobsToActivate\":1,\"requestTimeout\":60000}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /v2/jobs/activation HTTP/1.1\r\n"
            + "Host: " + address.getHost() + ":" + address.getPort() + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Accept: application/json, application/problem+json\r\n"
            + "Content-Length: " + bytes.length + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    return socket;
  }

  /**
   * Nothing on the wire says "your request is parked", so the test leaves the engine a moment to
   * read it. The assertions hold either way; without the pause the test would mostly exercise a
   * request that is closed before it is read, which is the easier case.
   */
  private static void giveTheEngineTimeToParkIt() throws InterruptedException {
    Thread.sleep(500);
  }
}
