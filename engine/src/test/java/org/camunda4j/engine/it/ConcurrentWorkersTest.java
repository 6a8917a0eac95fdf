package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Several workers long-polling the same type at once, as a scaled-out deployment does: every job is
 * handed out exactly once within its deadline and every instance completes.
 */
class ConcurrentWorkersTest extends EngineScenario {

  @Test
  void concurrentPollersShareTheJobsWithoutHandingAnyOutTwice() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    int instances = 30;
    List<String> created = Collections.synchronizedList(new ArrayList<>());
    Set<String> activatedJobKeys = ConcurrentHashMap.newKeySet();
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int w = 0; w < 4; w++) {
        running.add(
            workers.submit(
                () -> {
                  while (!done.get()) {
                    EngineHttp.Response response = http.activate("work", 3, 2_000);
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    for (JsonNode job : response.json().path("jobs")) {
                      String key = job.path("jobKey").asText();
                      if (!activatedJobKeys.add(key)) {
                        duplicates.add(key);
                      }
                      http.completeJob(key, Map.of("by", Thread.currentThread().getName()));
                    }
                  }
                  return null;
                }));
      }
      for (int i = 0; i < instances; i++) {
        created.add(http.createInstance("single-service-task"));
      }

      Eventually.get(
          "all " + instances + " instances to complete",
          () -> http.search("process-instances", Map.of("filter", Map.of("state", "COMPLETED"), "page", Map.of("limit", 100))).size(),
          completed -> completed == instances);
    } finally {
      done.set(true);
      for (Future<?> worker : running) {
        worker.get(30, TimeUnit.SECONDS);
      }
      workers.shutdownNow();
    }

    assertThat(duplicates).as("jobs handed out twice").isEmpty();
    assertThat(activatedJobKeys).hasSize(instances);
    assertThat(new HashSet<>(created)).hasSize(instances);
  }
}
