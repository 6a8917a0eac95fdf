package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting ended process instances ({@code POST /v2/process-instances/{key}/deletion} and the
 * {@code /deletion} batch): the instance and everything recorded about it are gone from every
 * search; an active instance must be canceled first.
 */
class ProcessInstanceDeletionTest extends EngineScenario {

  private int found(String resource, String instance) {
    return http.search(resource, Map.of("filter", Map.of("processInstanceKey", instance))).size();
  }

  @Test
  void aDeletedInstanceIsGoneWithItsElementInstancesVariablesJobsAndIncidents() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task", Map.of("order", 7));
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "down"));
    http.awaitActiveIncident(instance);
    assertProblem(http.post("/process-instances/" + instance + "/deletion", Map.of()), 409, "INVALID_STATE");
    http.postWithoutBody("/process-instances/" + instance + "/cancellation");
    String other = http.createInstance("single-service-task");

    EngineHttp.Response deleted = http.post("/process-instances/" + instance + "/deletion", Map.of());

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertProblem(http.get("/process-instances/" + instance), 404, "NOT_FOUND");
    for (String resource : List.of("process-instances", "element-instances", "variables", "jobs", "incidents")) {
      assertThat(found(resource, instance)).as(resource).isZero();
    }
    assertThat(found("element-instances", other)).as("another instance stays").isPositive();
    assertProblem(http.post("/process-instances/" + instance + "/deletion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void aDeletionBatchDeletesTheEndedInstancesItsFilterPicksWithTheirCalledInstances() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    String child =
        Eventually.get("the called child", () -> http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))),
                l -> l.size() == 1)
            .getFirst().path("processInstanceKey").asText();
    String running = http.createInstance("call-activity-parent");
    http.postWithoutBody("/process-instances/" + parent + "/cancellation");

    EngineHttp.Response created = http.post("/process-instances/deletion", Map.of("filter", Map.of()));

    assertThat(created.json().path("batchOperationType").asText()).isEqualTo("DELETE_PROCESS_INSTANCE");
    JsonNode batch =
        Eventually.get("the batch ended", () -> http.get("/batch-operations/" + created.json().path("batchOperationKey").asText()),
                r -> r.json().path("state").asText().equals("COMPLETED"))
            .json();
    assertThat(batch.path("operationsTotalCount").asInt()).as("the child goes with its parent").isEqualTo(1);
    assertProblem(http.get("/process-instances/" + parent), 404, "NOT_FOUND");
    assertProblem(http.get("/process-instances/" + child), 404, "NOT_FOUND");
    assertThat(http.getInstance(running).path("state").asText()).isEqualTo("ACTIVE");
  }
}
