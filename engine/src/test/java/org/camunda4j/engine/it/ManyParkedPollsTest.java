package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Parked long polls must not take the engine's capacity away (issue 2 §7: waiters hold no
 * platform thread each). With hundreds of polls parked, ordinary requests are still served and a
 * new job still reaches one of the waiting polls.
 */
class ManyParkedPollsTest extends EngineScenario {

  private static final int PARKED = 300;

  @Test
  void hundredsOfParkedPollsLeaveTheEngineResponsive() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    List<CompletableFuture<EngineHttp.Response>> parked = new ArrayList<>();
    try {
      for (int i = 0; i < PARKED; i++) {
        parked.add(CompletableFuture.supplyAsync(() -> http.activate("work", 1, 60_000), clients));
      }

      EngineHttp.Response topology =
          CompletableFuture.supplyAsync(() -> http.get("/topology"), clients).get(20, TimeUnit.SECONDS);
      assertThat(topology.status()).isEqualTo(200);
      String instance =
          CompletableFuture.supplyAsync(() -> http.createInstance("single-service-task"), clients).get(20, TimeUnit.SECONDS);

      CompletableFuture<Object> firstAnswer = CompletableFuture.anyOf(parked.toArray(CompletableFuture[]::new));
      EngineHttp.Response answer = (EngineHttp.Response) firstAnswer.get(20, TimeUnit.SECONDS);
      assertThat(answer.json().path("jobs").get(0).path("processInstanceKey").asText()).isEqualTo(instance);
      assertThat(http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance))))
          .extracting(j -> j.path("worker").asText())
          .containsExactly("scenario-test");
    } finally {
      engine.close();
      clients.shutdownNow();
    }
  }
}
