package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batch operations: a batch call answers with the batch's key, the items are processed afterwards,
 * each by a command of its own, and {@code /v2/batch-operations} and {@code
 * /v2/batch-operation-items} tell how it went.
 */
class BatchOperationsTest extends EngineScenario {

  private static Map<String, Object> groupIs(String group) {
    return Map.of("variables", List.of(Map.of("name", "group", "value", "\"" + group + "\"")));
  }

  private JsonNode awaitBatchEnded(String batchKey) {
    return Eventually.get(
            "batch operation " + batchKey + " ended",
            () -> http.get("/batch-operations/" + batchKey),
            r -> r.status() == 200 && !List.of("ACTIVE", "CREATED").contains(r.json().path("state").asText()))
        .json();
  }

  @Test
  void aBatchCancellationCancelsTheActiveInstancesItsFilterPicks() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String first = http.createInstance("single-service-task", Map.of("group", "a"));
    String second = http.createInstance("single-service-task", Map.of("group", "a"));
    String other = http.createInstance("single-service-task", Map.of("group", "b"));

    EngineHttp.Response created = http.post("/process-instances/cancellation", Map.of("filter", groupIs("a")));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("batchOperationType").asText()).isEqualTo("CANCEL_PROCESS_INSTANCE");
    String batchKey = created.json().path("batchOperationKey").asText();
    JsonNode batch = awaitBatchEnded(batchKey);
    assertThat(batch.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(batch.path("batchOperationType").asText()).isEqualTo("CANCEL_PROCESS_INSTANCE");
    assertThat(batch.path("operationsTotalCount").asInt()).isEqualTo(2);
    assertThat(batch.path("operationsCompletedCount").asInt()).isEqualTo(2);
    assertThat(batch.path("operationsFailedCount").asInt()).isZero();
    assertThat(batch.path("startDate").asText()).isNotBlank();
    assertThat(batch.path("endDate").asText()).isNotBlank();
    assertThat(http.getInstance(first).path("state").asText()).isEqualTo("TERMINATED");
    assertThat(http.getInstance(second).path("state").asText()).isEqualTo("TERMINATED");
    assertThat(http.getInstance(other).path("state").asText()).isEqualTo("ACTIVE");
    assertThat(http.search("batch-operation-items", Map.of("filter", Map.of("batchOperationKey", batchKey))))
        .extracting(i -> i.path("itemKey").asText(), i -> i.path("processInstanceKey").asText(), i -> i.path("state").asText())
        .containsExactlyInAnyOrder(tuple(first, first, "COMPLETED"), tuple(second, second, "COMPLETED"));
    assertThat(http.search("process-instances", Map.of("filter", Map.of("batchOperationKey", batchKey))))
        .extracting(i -> i.path("processInstanceKey").asText())
        .containsExactlyInAnyOrder(first, second);
    assertThat(http.search("batch-operations", Map.of("filter", Map.of("operationType", "CANCEL_PROCESS_INSTANCE", "state", "COMPLETED"))))
        .extracting(b -> b.path("batchOperationKey").asText())
        .containsExactly(batchKey);
  }

  @Test
  void aBatchIncidentResolutionGivesTheJobARetryAndResolvesEachActiveIncident() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");
    http.post("/jobs/" + job.path("jobKey").asText() + "/failure", Map.of("retries", 0, "errorMessage", "down"));
    String incidentKey = http.awaitActiveIncident(instance).path("incidentKey").asText();

    EngineHttp.Response created = http.post("/process-instances/incident-resolution", Map.of("filter", Map.of("hasIncident", true)));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("batchOperationType").asText()).isEqualTo("RESOLVE_INCIDENT");
    JsonNode batch = awaitBatchEnded(created.json().path("batchOperationKey").asText());
    assertThat(batch.path("state").asText()).isEqualTo("COMPLETED");
    JsonNode item = http.search("batch-operation-items", Map.of("filter", Map.of("batchOperationKey", batch.path("batchOperationKey").asText()))).getFirst();
    assertThat(item.path("operationType").asText()).isEqualTo("RESOLVE_INCIDENT");
    assertThat(item.path("itemKey").asText()).isEqualTo(incidentKey);
    assertThat(item.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(item.path("rootProcessInstanceKey").asText()).isEqualTo(instance);
    assertThat(item.path("processedDate").asText()).isNotBlank();
    assertThat(http.get("/incidents/" + incidentKey).json().path("state").asText()).isEqualTo("RESOLVED");
    assertThat(http.activateOne("work").path("retries").asInt()).as("the job got one retry back").isEqualTo(1);
  }

  @Test
  void aModificationBatchMovesTheTokensOfEveryInstanceItsFilterPicks() {
    http.deployOk(bpmn("embedded-subprocess.bpmn"));
    String first = http.createInstance("embedded-subprocess");
    String second = http.createInstance("embedded-subprocess");
    http.awaitJobCount("inner-work", 2);

    EngineHttp.Response created = http.post("/process-instances/modification", Map.of(
        "filter", Map.of("processDefinitionId", "embedded-subprocess"),
        "moveInstructions", List.of(Map.of("sourceElementId", "Task_Inner", "targetElementId", "Task_AfterSub"))));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("batchOperationType").asText()).isEqualTo("MODIFY_PROCESS_INSTANCE");
    JsonNode batch = awaitBatchEnded(created.json().path("batchOperationKey").asText());
    assertThat(batch.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(batch.path("operationsCompletedCount").asInt()).isEqualTo(2);
    for (String instance : List.of(first, second)) {
      assertThat(http.elementInstancesOf(instance))
          .filteredOn(e -> e.path("state").asText().equals("ACTIVE"))
          .extracting(e -> e.path("elementId").asText())
          .containsExactly("Task_AfterSub");
    }
    assertThat(assertProblem(http.post("/process-instances/modification", Map.of("filter", Map.of())), 400, "INVALID_ARGUMENT"))
        .contains("moveInstructions");
  }

  @Test
  void anItemThatIsRejectedFailsWithTheReasonAndTheBatchGoesOn() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"), bpmn("single-service-task.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    String child =
        Eventually.get("the called child", () -> http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))),
                found -> found.size() == 1)
            .getFirst().path("processInstanceKey").asText();
    String other = http.createInstance("single-service-task");

    EngineHttp.Response created =
        http.post("/process-instances/cancellation", Map.of("filter", Map.of("processInstanceKey", Map.of("$in", List.of(child, other)))));

    JsonNode batch = awaitBatchEnded(created.json().path("batchOperationKey").asText());
    assertThat(batch.path("state").asText()).isEqualTo("PARTIALLY_COMPLETED");
    assertThat(batch.path("operationsTotalCount").asInt()).isEqualTo(2);
    assertThat(batch.path("operationsFailedCount").asInt()).isEqualTo(1);
    assertThat(batch.path("operationsCompletedCount").asInt()).isEqualTo(1);
    JsonNode failed = http.search("batch-operation-items", Map.of("filter", Map.of("state", "FAILED"))).getFirst();
    assertThat(failed.path("itemKey").asText()).isEqualTo(child);
    assertThat(failed.path("rootProcessInstanceKey").asText()).isEqualTo(parent);
    assertThat(failed.path("errorMessage").asText()).contains("Cancel the root process instance '" + parent + "'");
    assertThat(http.getInstance(parent).path("state").asText()).isEqualTo("ACTIVE");
    assertThat(http.getInstance(other).path("state").asText()).isEqualTo("TERMINATED");
  }

  @Test
  void aBatchWhoseEveryItemFailsHasFailed() {
    http.deployOk(bpmn("call-activity-parent.bpmn"), bpmn("call-activity-child.bpmn"));
    String parent = http.createInstance("call-activity-parent");
    Eventually.get("the called child", () -> http.search("process-instances", Map.of("filter", Map.of("parentProcessInstanceKey", parent))),
        found -> found.size() == 1);

    EngineHttp.Response created = http.post("/process-instances/cancellation", Map.of("filter", Map.of("processDefinitionId", "call-activity-child")));

    JsonNode batch = awaitBatchEnded(created.json().path("batchOperationKey").asText());
    assertThat(batch.path("state").asText()).isEqualTo("FAILED");
    assertThat(batch.path("operationsFailedCount").asInt()).isEqualTo(1);
  }

  @Test
  void aBatchWithoutItemsIsCompletedAtOnceAndCanNoLongerBeCanceledSuspendedOrResumed() {
    EngineHttp.Response created = http.post("/process-instances/cancellation", Map.of("filter", Map.of("processDefinitionId", "nothing-deployed")));
    String batchKey = created.json().path("batchOperationKey").asText();

    JsonNode batch = awaitBatchEnded(batchKey);

    assertThat(batch.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(batch.path("operationsTotalCount").asInt()).isZero();
    assertThat(batch.path("actorType").asText()).as("an engine without authentication").isEqualTo("ANONYMOUS");
    assertThat(batch.path("actorId").isNull()).isTrue();
    assertThat(batch.path("errors").isArray() && batch.path("errors").isEmpty()).isTrue();
    assertThat(assertProblem(http.postWithoutBody("/batch-operations/" + batchKey + "/cancellation"), 409, "INVALID_STATE")).contains("COMPLETED");
    assertThat(assertProblem(http.postWithoutBody("/batch-operations/" + batchKey + "/suspension"), 409, "INVALID_STATE")).contains("not ACTIVE");
    assertThat(assertProblem(http.postWithoutBody("/batch-operations/" + batchKey + "/resumption"), 409, "INVALID_STATE")).contains("not SUSPENDED");
    assertProblem(http.postWithoutBody("/batch-operations/2251799813685999/cancellation"), 404, "NOT_FOUND");
    assertProblem(http.postWithoutBody("/batch-operations/2251799813685999/suspension"), 404, "NOT_FOUND");
    assertProblem(http.get("/batch-operations/2251799813685999"), 404, "NOT_FOUND");
  }

  @Test
  void batchCallsTheEngineCannotRunAndCallsWithoutAValidFilterAreClearErrors() {
    assertThat(assertProblem(http.post("/process-instances/migration", Map.of("filter", Map.of())), 400, "INVALID_ARGUMENT"))
        .contains("migrationPlan");
    assertThat(assertProblem(http.post("/process-instances/migration", Map.of("filter", Map.of(), "migrationPlan", Map.of("targetProcessDefinitionKey", "x", "mappingInstructions", List.of()))), 400, "INVALID_ARGUMENT"))
        .contains("migrationPlan.targetProcessDefinitionKey");
    assertThat(assertProblem(http.post("/decision-instances/deletion", Map.of("filter", Map.of())), 400, "INVALID_ARGUMENT"))
        .contains("decision instances", "not supported");
    assertThat(assertProblem(http.post("/process-instances/cancellation", Map.of()), 400, "INVALID_ARGUMENT")).contains("filter");
    assertThat(assertProblem(http.post("/process-instances/incident-resolution", Map.of("filter", List.of())), 400, "INVALID_ARGUMENT"))
        .contains("filter");
    assertThat(assertProblem(http.post("/process-instances/cancellation", Map.of("filter", Map.of("noSuchField", 1))), 400, "INVALID_ARGUMENT"))
        .contains("noSuchField");
    assertThat(http.search("batch-operations", Map.of())).as("a rejected call leaves no batch").isEmpty();
    assertThat(assertProblem(http.post("/batch-operations/search", Map.of("filter", Map.of("state", "SLEEPING"))), 400, "INVALID_ARGUMENT"))
        .contains("SLEEPING");
  }

  @Test
  void aFixedPathSegmentIsNeverTakenForAKey() {
    assertThat(assertProblem(http.get("/process-instances/cancellation"), 405, "METHOD_NOT_ALLOWED")).contains("POST");
    assertThat(assertProblem(http.get("/batch-operations/search"), 405, "METHOD_NOT_ALLOWED")).contains("POST");
  }
}
