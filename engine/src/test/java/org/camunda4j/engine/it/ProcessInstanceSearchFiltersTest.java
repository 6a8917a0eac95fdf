package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter field of the 8.9 process-instance search that looks beyond the instance itself, and
 * every string operator on variable values, over one engine with four instances of
 * {@code single-service-task}:
 *
 * <ul>
 *   <li>{@code waiting}: at Task_Work, {@code tier = "gold"};
 *   <li>{@code retrying}: its job failed with 2 retries left, {@code tier = "silver"};
 *   <li>{@code broken}: its job failed with no retries left (incident "boom"), no {@code tier};
 *   <li>{@code done}: completed, {@code tier = "bronze"}.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessInstanceSearchFiltersTest {

  private Engine engine;
  private EngineHttp http;
  private final Map<String, String> keys = new java.util.HashMap<>();

  @BeforeAll
  void fourInstancesInFourSituations() {
    engine = Engine.start(EngineConfig.defaults());
    http = new EngineHttp(engine.restAddress());
    http.deployOk("bpmn/single-service-task.bpmn");
    keys.put("done", http.createInstance("single-service-task", Map.of("tier", "bronze")));
    http.completeNext("work", Map.of());
    http.awaitInstanceState(keys.get("done"), "COMPLETED");
    keys.put("broken", http.createInstance("single-service-task"));
    fail(http.activateOne("work"), 0, "boom");
    http.awaitActiveIncident(keys.get("broken"));
    keys.put("retrying", http.createInstance("single-service-task", Map.of("tier", "silver")));
    fail(http.activateOne("work"), 2, "try again"); // activatable again, but nothing activates it before the searches
    keys.put("waiting", http.createInstance("single-service-task", Map.of("tier", "gold")));
  }

  private void fail(JsonNode job, int retries, String message) {
    EngineHttp.Response failed = http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", retries, "errorMessage", message));
    assertThat(failed.status()).as("fail %s", failed.body()).isEqualTo(204);
  }

  @AfterAll
  void stop() {
    engine.close();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("elementId passed or waiting", Map.of("elementId", "Task_Work"), List.of("done", "retrying", "broken", "waiting")),
        Arguments.of("elementId $like", Map.of("elementId", Map.of("$like", "End*")), List.of("done")),
        Arguments.of("elementId with elementInstanceState ACTIVE", Map.of("elementId", "Task_Work", "elementInstanceState", "ACTIVE"),
            List.of("retrying", "broken", "waiting")),
        Arguments.of("elementId with elementInstanceState COMPLETED", Map.of("elementId", "Task_Work", "elementInstanceState", "COMPLETED"),
            List.of("done")),
        Arguments.of("elementInstanceState $in", Map.of("elementInstanceState", Map.of("$in", List.of("TERMINATED"))), List.of()),
        Arguments.of("hasElementInstanceIncident", Map.of("hasElementInstanceIncident", true), List.of("broken")),
        Arguments.of("hasElementInstanceIncident on another element", Map.of("hasElementInstanceIncident", true, "elementId", "StartEvent_1"),
            List.of()),
        Arguments.of("hasRetriesLeft true", Map.of("hasRetriesLeft", true), List.of("retrying")),
        Arguments.of("hasRetriesLeft false", Map.of("hasRetriesLeft", false), List.of("done", "broken", "waiting")),
        Arguments.of("errorMessage", Map.of("errorMessage", "boom"), List.of("broken")),
        Arguments.of("errorMessage $like", Map.of("errorMessage", Map.of("$like", "bo?m")), List.of("broken")),
        Arguments.of("incidentErrorHashCode", Map.of("incidentErrorHashCode", "boom".hashCode()), List.of("broken")),
        Arguments.of("incidentErrorHashCode of another message", Map.of("incidentErrorHashCode", "bam".hashCode()), List.of()),
        Arguments.of("batchOperationKey (no batch touched them)", Map.of("batchOperationKey", "2251799813685999"), List.of()),
        Arguments.of("batchOperationId $exists", Map.of("batchOperationId", Map.of("$exists", true)), List.of()),
        Arguments.of("variable $eq as plain text", variable("\"gold\""), List.of("waiting")),
        Arguments.of("variable $eq", variable(Map.of("$eq", "\"gold\"")), List.of("waiting")),
        Arguments.of("variable $neq", variable(Map.of("$neq", "\"gold\"")), List.of("done", "retrying")),
        Arguments.of("variable $exists true", variable(Map.of("$exists", true)), List.of("done", "retrying", "waiting")),
        Arguments.of("variable $exists false", variable(Map.of("$exists", false)), List.of("broken")),
        Arguments.of("variable $in", variable(Map.of("$in", List.of("\"gold\"", "\"bronze\""))), List.of("done", "waiting")),
        Arguments.of("variable $notIn", variable(Map.of("$notIn", List.of("\"gold\""))), List.of("done", "retrying")),
        Arguments.of("variable $like", variable(Map.of("$like", "*l*")), List.of("retrying", "waiting")),
        Arguments.of("$or of element and job conditions", Map.of("$or", List.of(Map.of("elementId", "EndEvent_1"), Map.of("hasRetriesLeft", true))),
            List.of("done", "retrying")));
  }

  private static Map<String, Object> variable(Object value) {
    return Map.of("variables", List.of(Map.of("name", "tier", "value", value)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void aFilterFindsExactlyTheInstancesItDescribes(String name, Map<String, Object> filter, List<String> expected) {
    List<String> found =
        http.search("process-instances", Map.of("filter", filter)).stream().map(i -> i.path("processInstanceKey").asText()).toList();

    assertThat(found).as(name).containsExactlyInAnyOrderElementsOf(expected.stream().map(keys::get).toList());
  }

  @Test
  void aBadValueForAnElementFieldIsRejected() {
    assertProblem(http.post("/process-instances/search", Map.of("filter", Map.of("elementInstanceState", "RUNNING"))), 400, "INVALID_ARGUMENT");
    assertProblem(http.post("/process-instances/search", Map.of("filter", Map.of("hasRetriesLeft", "yes"))), 400, "INVALID_ARGUMENT");
    assertProblem(
        http.post("/process-instances/search", Map.of("filter", Map.of("variables", List.of(Map.of("name", "tier", "value", Map.of("$gt", "1")))))),
        400, "INVALID_ARGUMENT");
  }
}
