package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ended process instances are kept for the history retention (on the engine clock, from their end)
 * and up to a count limit; then they go, with their jobs, variables, incidents and element
 * instances. Live instances are never removed, however old. (After each test the replay check
 * proves that a replay of the log removes the same.)
 */
class HistoryRetentionTest {

  private static final Instant START = Instant.parse("2031-03-01T08:00:00Z");

  @Test
  void anEndedInstanceIsKeptForTheRetentionThenRemovedWithItsJobsVariablesAndElementInstances() {
    try (Engine engine = Engine.start(EngineConfig.builder().historyRetention(Duration.ofHours(1)).build())) {
      engine.clock().pin(START);
      EngineHttp http = new EngineHttp(engine.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      String ended = http.createInstance("single-service-task", Map.of("order", "o-1"));
      JsonNode job = http.completeNext("work", Map.of("done", true));
      http.awaitInstanceState(ended, "COMPLETED");
      String live = http.createInstance("single-service-task", Map.of("order", "o-2"));
      http.awaitJobExists("work");

      engine.clock().advance(Duration.ofMinutes(59));
      assertThat(http.get("/process-instances/" + ended).status()).isEqualTo(200);

      engine.clock().advance(Duration.ofMinutes(1));
      Eventually.get("the ended instance removed", () -> http.get("/process-instances/" + ended).status(), status -> status == 404);
      assertThat(http.search("variables", Map.of("filter", Map.of("processInstanceKey", ended)))).isEmpty();
      assertThat(http.search("jobs", Map.of("filter", Map.of("processInstanceKey", ended)))).isEmpty();
      assertThat(http.elementInstancesOf(ended)).isEmpty();

      assertThat(http.getInstance(live).get("state").asText()).isEqualTo("ACTIVE");
      assertThat(http.search("variables", Map.of("filter", Map.of("processInstanceKey", live)))).isNotEmpty();
      assertThat(http.elementInstancesOf(live)).isNotEmpty();
    }
  }

  @Test
  void aCanceledInstanceGoesWithItsIncidents() {
    try (Engine engine = Engine.start(EngineConfig.builder().historyRetention(Duration.ofDays(30)).build())) {
      engine.clock().pin(START);
      EngineHttp http = new EngineHttp(engine.restAddress());
      http.deployOk("bpmn/io-mapping-error.bpmn");
      String instance = http.createInstance("io-mapping-error");
      http.awaitActiveIncident(instance);
      assertThat(http.post("/process-instances/" + instance + "/cancellation", Map.of()).status()).isEqualTo(204);
      http.awaitInstanceState(instance, "TERMINATED");

      engine.clock().advance(Duration.ofDays(30));

      Eventually.get("the canceled instance removed", () -> http.get("/process-instances/" + instance).status(), status -> status == 404);
      assertThat(http.incidentsOf(instance)).isEmpty();
    }
  }

  @Test
  void beyondTheCountLimitTheOldestEndedInstancesGoFirst() {
    try (Engine engine = Engine.start(EngineConfig.builder().historyMaxInstances(2).build())) {
      EngineHttp http = new EngineHttp(engine.restAddress());
      http.deployOk("bpmn/single-service-task.bpmn");
      List<String> instances = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        instances.add(http.createInstance("single-service-task"));
      }
      http.awaitJobCount("work", 5);
      for (JsonNode job : http.activateJobs("work", 5)) {
        http.completeJob(job.get("jobKey").asText(), Map.of()); // one after the other: they end in this order
      }

      Eventually.get("three instances removed", () -> kept(http, instances), kept -> kept.size() == 2);
      assertThat(kept(http, instances)).containsExactly(instances.get(3), instances.get(4));
    }
  }

  @Test
  void afterARestartFromASnapshotARemovedInstanceStillGoesWithItsUserTasksAndMessageSubscriptions(@TempDir Path data) {
    EngineConfig config = EngineConfig.builder().historyRetention(Duration.ofDays(1)).dataDirectory(data).build();
    String withTask;
    String waiting;
    String live;
    try (Engine engine = Engine.start(config)) {
      engine.clock().pin(START);
      EngineHttp http = new EngineHttp(engine.restAddress());
      http.deployOk("bpmn/user-task-basic.bpmn", "bpmn/message-intermediate-catch.bpmn");
      withTask = http.createInstance("user-task-basic");
      waiting = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));
      live = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-2"));
      Eventually.get("a user task", () -> userTasksOf(http, withTask), tasks -> tasks.size() == 1);
      Eventually.get("two message subscriptions", () -> subscriptionsOf(http, waiting).size() + subscriptionsOf(http, live).size(), n -> n == 2);
      for (String ended : List.of(withTask, waiting)) {
        assertThat(http.post("/process-instances/" + ended + "/cancellation", Map.of()).status()).isEqualTo(204);
        http.awaitInstanceState(ended, "TERMINATED");
      }
    } // a clean stop writes a snapshot: the restart reads it instead of replaying every event

    try (Engine engine = Engine.start(config)) {
      engine.clock().pin(START.plus(Duration.ofDays(2)));
      EngineHttp http = new EngineHttp(engine.restAddress());
      Eventually.get("both ended instances removed", () -> kept(http, List.of(withTask, waiting, live)), kept -> kept.equals(List.of(live)));
      assertThat(userTasksOf(http, withTask)).isEmpty();
      assertThat(subscriptionsOf(http, waiting)).isEmpty();
      assertThat(subscriptionsOf(http, live)).hasSize(1);
    }
  }

  private static List<JsonNode> userTasksOf(EngineHttp http, String processInstanceKey) {
    return http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", processInstanceKey)));
  }

  private static List<JsonNode> subscriptionsOf(EngineHttp http, String processInstanceKey) {
    return http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", processInstanceKey)));
  }

  private static List<String> kept(EngineHttp http, List<String> instances) {
    return instances.stream().filter(key -> http.get("/process-instances/" + key).status() == 200).toList();
  }
}
