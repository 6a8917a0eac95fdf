package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process instance migration ({@code POST /v2/process-instances/{key}/migration}): a live instance
 * moves to another process definition with its keys; its job keeps its type and retries, the flow
 * after it is the target's, mapped catch events keep their waits (a timer its due date), unmapped
 * ones close and the target's new ones open. A plan that does not fit is rejected as 8.9 rejects it
 * (400 bad plan, 404 unknown, 409 does not fit the instance) and changes nothing.
 */
class ProcessInstanceMigrationTest extends EngineScenario {

  private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");

  /** Version 1 and 2 of {@code migration-order}: an instance of version 1 waiting at Task_A, and version 2's key. */
  private String[] instanceAtTaskAAndTargetKey() {
    http.deployOk(bpmn("migration-order-v1.bpmn"));
    String instance = http.createInstance("migration-order", Map.of("orderId", "o-1"));
    http.awaitJobExists("work-a");
    String target = ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn("migration-order-v2.bpmn")), "migration-order");
    return new String[] {instance, target};
  }

  static Map<String, Object> plan(String targetKey, String... sourceAndTarget) {
    List<Map<String, String>> mappings = new java.util.ArrayList<>();
    for (int i = 0; i < sourceAndTarget.length; i += 2) {
      mappings.add(Map.of("sourceElementId", sourceAndTarget[i], "targetElementId", sourceAndTarget[i + 1]));
    }
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("targetProcessDefinitionKey", targetKey);
    plan.put("mappingInstructions", mappings);
    return plan;
  }

  private EngineHttp.Response migrate(String instance, Map<String, Object> plan) {
    return http.post("/process-instances/" + instance + "/migration", plan);
  }

  private void migrateOk(String instance, Map<String, Object> plan) {
    EngineHttp.Response response = migrate(instance, plan);
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  private List<JsonNode> elements(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream().filter(e -> e.path("elementId").asText().equals(elementId)).toList();
  }

  @Test
  void aMigratedServiceTaskKeepsItsJobAndTheInstanceGoesOnInTheTargetsFlow() {
    String[] setup = instanceAtTaskAAndTargetKey();
    String instance = setup[0];
    String target = setup[1];
    JsonNode jobBefore = http.search("jobs", Map.of("filter", Map.of("processInstanceKey", instance))).getFirst();
    String taskKey = elements(instance, "Task_A").getFirst().path("elementInstanceKey").asText();

    migrateOk(instance, plan(target, "Task_A", "Task_A2", "Timer_A", "Timer_A2"));

    JsonNode migrated = http.getInstance(instance);
    assertThat(migrated.path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(migrated.path("processDefinitionVersion").asInt()).isEqualTo(2);
    assertThat(elements(instance, "Task_A2")).singleElement()
        .satisfies(e -> assertThat(e.path("elementInstanceKey").asText()).as("the element instance keeps its key").isEqualTo(taskKey))
        .satisfies(e -> assertThat(e.path("processDefinitionKey").asText()).isEqualTo(target));
    JsonNode job = http.search("jobs", Map.of("filter", Map.of("jobKey", jobBefore.path("jobKey").asText()))).getFirst();
    assertThat(job.path("elementId").asText()).isEqualTo("Task_A2");
    assertThat(job.path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(job.path("state").asText()).isEqualTo("MIGRATED");
    assertThat(job.path("type").asText()).as("the job is not recreated: it keeps the type it was created with").isEqualTo("work-a");
    assertThat(job.path("retries").asInt()).as("and its retries").isEqualTo(3);
    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .as("the unmapped message boundary event's subscription closed")
        .singleElement()
        .satisfies(s -> assertThat(s.path("elementId").asText()).isEqualTo("Message_A"))
        .satisfies(s -> assertThat(s.path("messageSubscriptionState").asText()).isEqualTo("DELETED"));

    assertThat(http.post("/messages/correlation", Map.of("name", "cancel-order", "correlationKey", "o-1")).status())
        .as("nothing waits for the closed subscription's message any more").isEqualTo(404);
    JsonNode activated = http.activateOne("work-a");
    assertThat(activated.path("jobKey").asText()).isEqualTo(jobBefore.path("jobKey").asText());
    assertThat(activated.path("elementId").asText()).isEqualTo("Task_A2");
    http.completeJob(activated.path("jobKey").asText(), Map.of());
    JsonNode review = Eventually.get("the target's user task after Task_A2",
        () -> http.search("user-tasks", Map.of("filter", Map.of("processInstanceKey", instance))), l -> l.size() == 1).getFirst();
    assertThat(review.path("elementId").asText()).isEqualTo("Task_Review");
    assertThat(http.post("/user-tasks/" + review.path("userTaskKey").asText() + "/completion", Map.of()).status()).isEqualTo(204);
    assertThat(http.awaitInstanceState(instance, "COMPLETED").path("processDefinitionVersion").asInt()).isEqualTo(2);
  }

  @Test
  void aMappedTimerKeepsItsDueDateAndACatchEventTheTargetAddsIsSubscribed() {
    engine.clock().pin(T0);
    String[] setup = instanceAtTaskAAndTargetKey();
    String instance = setup[0];

    migrateOk(instance, plan(setup[1], "Task_A", "Task_A2", "Timer_A", "Timer_A2"));

    engine.clock().advance(Duration.ofMinutes(61));
    Eventually.get("the migrated timer fired at its old due date (an hour, not the target's week)",
        () -> elements(instance, "Timer_A2"), l -> l.size() == 1 && l.getFirst().path("state").asText().equals("COMPLETED"));
    assertThat(elements(instance, "Task_A2").getFirst().path("state").asText()).as("non-interrupting").isEqualTo("ACTIVE");

    assertThat(http.post("/signals/broadcast", Map.of("signalName", "pause-orders")).status()).isEqualTo(200);
    assertThat(http.awaitInstanceState(instance, "COMPLETED").path("state").asText()).isEqualTo("COMPLETED");
    assertThat(elements(instance, "Task_A2").getFirst().path("state").asText()).as("the added signal boundary event interrupted it")
        .isEqualTo("TERMINATED");
    assertThat(elements(instance, "EndEvent_Paused")).hasSize(1);
  }

  @Test
  void anUnmappedCatchEventIsClosedAndTheTargetsOwnOneOpensWithItsOwnDefinition() {
    engine.clock().pin(T0);
    String[] setup = instanceAtTaskAAndTargetKey();
    String instance = setup[0];

    migrateOk(instance, plan(setup[1], "Task_A", "Task_A2"));

    engine.clock().advance(Duration.ofHours(2));
    assertThat(elements(instance, "Timer_A2")).as("the old hour timer was closed, the new one waits a week").isEmpty();
    engine.clock().advance(Duration.ofDays(7));
    Eventually.get("the target's timer fired after its own week", () -> elements(instance, "Timer_A2"), l -> l.size() == 1);
  }

  @Test
  void anActiveElementWithoutMappingOrMappedToAnotherTypeIsA409AndChangesNothing() {
    String[] setup = instanceAtTaskAAndTargetKey();
    String instance = setup[0];

    String unmapped = assertProblem(migrate(instance, plan(setup[1], "Timer_A", "Timer_A2")), 409, "INVALID_STATE");
    assertThat(unmapped).contains(instance).contains("Task_A").contains("no mapping instruction");
    String otherType = assertProblem(migrate(instance, plan(setup[1], "Task_A", "Task_Review")), 409, "INVALID_STATE");
    assertThat(otherType).contains("serviceTask").contains("userTask").contains("Task_Review");
    String detached = assertProblem(migrate(instance, plan(setup[1], "Task_A", "Task_A2", "Timer_A", "EndEvent_1")), 409, "INVALID_STATE");
    assertThat(detached).contains("Timer_A").contains("detach");

    assertThat(http.getInstance(instance).path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .singleElement().satisfies(s -> assertThat(s.path("messageSubscriptionState").asText()).isEqualTo("CREATED"));
    http.completeNext("work-a", Map.of());
    assertThat(http.awaitInstanceState(instance, "COMPLETED").path("processDefinitionVersion").asInt()).isEqualTo(1);
  }

  @Test
  void aMessageCatchEventForTheSameMessageMustBeMappedToKeepItsSubscription() {
    http.deployOk(bpmn("migration-order-v1.bpmn"));
    String instance = http.createInstance("migration-order", Map.of("orderId", "o-1"));
    http.awaitJobExists("work-a");
    String target = ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn("migration-order-v3.bpmn")), "migration-order");

    assertThat(assertProblem(migrate(instance, plan(target, "Task_A", "Task_A3", "Timer_A", "Message_A3")), 409, "INVALID_STATE"))
        .as("a timer cannot become a message catch event").contains("timer boundaryEvent").contains("message boundaryEvent");
    assertThat(assertProblem(migrate(instance, plan(target, "Task_A", "Task_A3")), 409, "INVALID_STATE"))
        .contains("cancel-order").contains("Message_A3").contains("map the source catch event");
    migrateOk(instance, plan(target, "Task_A", "Task_A3", "Message_A", "Message_A3"));

    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .singleElement()
        .satisfies(s -> assertThat(s.path("elementId").asText()).isEqualTo("Message_A3"))
        .satisfies(s -> assertThat(s.path("messageSubscriptionState").asText()).isEqualTo("MIGRATED"));
    assertThat(http.post("/messages/correlation", Map.of("name", "cancel-order", "correlationKey", "o-1")).status()).isEqualTo(200);
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "EndEvent_Cancelled3")).hasSize(1);
  }

  @Test
  void aPlanNamingElementsThatDoNotExistOrMappingOneTwiceIsA400() {
    String[] setup = instanceAtTaskAAndTargetKey();
    String instance = setup[0];

    assertThat(assertProblem(migrate(instance, plan(setup[1], "Task_X", "Task_A2")), 400, "INVALID_ARGUMENT"))
        .contains("mappingInstructions[0]").contains("Task_X").contains("does not exist");
    assertThat(assertProblem(migrate(instance, plan(setup[1], "Task_A", "Task_Y")), 400, "INVALID_ARGUMENT"))
        .contains("Task_Y").contains("target");
    assertThat(assertProblem(migrate(instance, plan(setup[1], "Task_A", "Task_A2", "Task_A", "Task_Review")), 400, "INVALID_ARGUMENT"))
        .contains("mappingInstructions[1]").contains("more than once");
    assertThat(assertProblem(migrate(instance, Map.of("mappingInstructions", List.of())), 400, "INVALID_ARGUMENT"))
        .contains("targetProcessDefinitionKey");
    assertThat(assertProblem(migrate(instance, Map.of("targetProcessDefinitionKey", setup[1])), 400, "INVALID_ARGUMENT"))
        .contains("mappingInstructions");
    assertThat(assertProblem(migrate(instance, Map.of("targetProcessDefinitionKey", setup[1], "mappingInstructions",
        List.of(Map.of("sourceElementId", "Task_A")))), 400, "INVALID_ARGUMENT"))
        .contains("mappingInstructions[0].targetElementId");
  }

  @Test
  void anUnknownInstanceOrTargetDefinitionIsA404() {
    String[] setup = instanceAtTaskAAndTargetKey();

    assertThat(assertProblem(migrate("2251799813999999", plan(setup[1], "Task_A", "Task_A2")), 404, "NOT_FOUND"))
        .contains("2251799813999999");
    assertThat(assertProblem(migrate(setup[0], plan("2251799813999998", "Task_A", "Task_A2")), 404, "NOT_FOUND"))
        .contains("2251799813999998").contains("process definition");
  }

  @Test
  void anEndedInstanceCannotBeMigrated() {
    String[] setup = instanceAtTaskAAndTargetKey();
    http.completeNext("work-a", Map.of());
    http.awaitInstanceState(setup[0], "COMPLETED");

    assertThat(assertProblem(migrate(setup[0], plan(setup[1], "Task_A", "Task_A2")), 404, "NOT_FOUND"))
        .contains(setup[0]).contains("active process instance");
  }

  @Test
  void aMigrationBatchMigratesEveryInstanceItPicksAndAnInstanceThePlanDoesNotFitFailsAlone() {
    http.deployOk(bpmn("migration-order-v1.bpmn"), bpmn("single-service-task.bpmn"));
    String first = http.createInstance("migration-order", Map.of("orderId", "o-1"));
    String second = http.createInstance("migration-order", Map.of("orderId", "o-2"));
    String other = http.createInstance("single-service-task");
    http.awaitJobCount("work-a", 2);
    String target = ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn("migration-order-v2.bpmn")), "migration-order");

    EngineHttp.Response created = http.post("/process-instances/migration", Map.of(
        "filter", Map.of("processInstanceKey", Map.of("$in", List.of(first, second, other))),
        "migrationPlan", plan(target, "Task_A", "Task_A2")));

    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("batchOperationType").asText()).isEqualTo("MIGRATE_PROCESS_INSTANCE");
    String batchKey = created.json().path("batchOperationKey").asText();
    JsonNode batch = Eventually.get("batch " + batchKey + " ended", () -> http.get("/batch-operations/" + batchKey),
        r -> r.status() == 200 && !r.json().path("state").asText().equals("ACTIVE")).json();
    assertThat(batch.path("state").asText()).isEqualTo("PARTIALLY_COMPLETED");
    assertThat(batch.path("operationsCompletedCount").asInt()).isEqualTo(2);
    assertThat(batch.path("operationsFailedCount").asInt()).isEqualTo(1);
    JsonNode failed = http.search("batch-operation-items", Map.of("filter", Map.of("batchOperationKey", batchKey, "state", "FAILED"))).getFirst();
    assertThat(failed.path("processInstanceKey").asText()).isEqualTo(other);
    assertThat(failed.path("errorMessage").asText()).contains("Task_A").contains("does not exist");
    assertThat(http.getInstance(first).path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(http.getInstance(second).path("processDefinitionKey").asText()).isEqualTo(target);
    assertThat(http.getInstance(other).path("processDefinitionId").asText()).isEqualTo("single-service-task");
  }
}
