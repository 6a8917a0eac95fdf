package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.ProcessInstanceMigrationTest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process instance migration and events: an event-based gateway with its catch events, a message
 * buffered before the migration reaching a subscription the target adds, and compensation
 * subscriptions of completed activities, which move with a mapping of their activity and close
 * without one.
 */
class ProcessInstanceMigrationEventsTest extends EngineScenario {

  private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");

  private String deployTarget(String file, String processId) {
    return ProcessInstanceApiTest.definitionKey(http.deployOk(bpmn(file)), processId);
  }

  private void migrateOk(String instance, Map<String, Object> plan) {
    EngineHttp.Response response = http.post("/process-instances/" + instance + "/migration", plan);
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  private List<JsonNode> elements(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream().filter(e -> e.path("elementId").asText().equals(elementId)).toList();
  }

  @Test
  void anEventBasedGatewayKeepsItsMappedCatchEventClosesTheUnmappedOneAndWaitsForTheAddedOne() {
    engine.clock().pin(T0);
    http.deployOk(bpmn("migration-gateway-v1.bpmn"));
    String paid = http.createInstance("migration-gateway", Map.of("orderId", "o-1"));
    String cancelled = http.createInstance("migration-gateway", Map.of("orderId", "o-2"));
    Eventually.get("both wait at the gateway", () -> http.search("message-subscriptions", Map.of()), l -> l.size() == 2);
    String target = deployTarget("migration-gateway-v2.bpmn", "migration-gateway");

    for (String instance : List.of(paid, cancelled)) {
      migrateOk(instance, plan(target, "Gateway_Events", "Gateway_Events2", "Catch_Paid", "Catch_Paid2"));
    }

    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", paid))))
        .singleElement()
        .satisfies(s -> assertThat(s.path("elementId").asText()).isEqualTo("Catch_Paid2"))
        .satisfies(s -> assertThat(s.path("messageName").asText()).as("a mapped subscription keeps its message").isEqualTo("paid"))
        .satisfies(s -> assertThat(s.path("messageSubscriptionState").asText()).isEqualTo("MIGRATED"));
    engine.clock().advance(Duration.ofHours(2));
    assertThat(elements(paid, "Catch_Timeout")).as("the unmapped timer was closed").isEmpty();
    assertThat(elements(paid, "Gateway_Events2").getFirst().path("state").asText()).isEqualTo("ACTIVE");

    assertThat(http.post("/messages/correlation", Map.of("name", "paid", "correlationKey", "o-1")).status()).isEqualTo(200);
    http.completeNext("ship", Map.of());
    http.awaitInstanceState(paid, "COMPLETED");
    assertThat(elements(paid, "Catch_Paid2")).hasSize(1);

    assertThat(http.post("/signals/broadcast", Map.of("signalName", "order-cancelled")).status()).isEqualTo(200);
    http.awaitInstanceState(cancelled, "COMPLETED");
    assertThat(elements(cancelled, "EndEvent_Cancelled")).as("the signal event the target added was waited for").hasSize(1);
  }

  @Test
  void aMessageBufferedBeforeTheMigrationReachesTheBoundaryEventTheTargetAdds() {
    http.deployOk(bpmn("migration-buffer-v1.bpmn"));
    String instance = http.createInstance("migration-buffer", Map.of("orderId", "o-1"));
    http.awaitJobExists("wait");
    assertThat(http.post("/messages/publication", Map.of("name", "go", "correlationKey", "o-1", "timeToLive", 3_600_000)).status())
        .isEqualTo(200);
    String target = deployTarget("migration-buffer-v2.bpmn", "migration-buffer");

    migrateOk(instance, plan(target, "Task_Wait", "Task_Wait"));

    JsonNode go = http.activateOne("go");
    assertThat(go.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(elements(instance, "Task_Wait").getFirst().path("state").asText()).as("interrupted by the buffered message")
        .isEqualTo("TERMINATED");
    assertThat(http.search("correlated-message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .singleElement().satisfies(c -> assertThat(c.path("elementId").asText()).isEqualTo("Boundary_Go"));
  }

  @Test
  void aCompletedActivitysCompensationMovesWithItsMappingAndRunsTheTargetsHandler() {
    http.deployOk(bpmn("migration-compensation-v1.bpmn"));
    String instance = http.createInstance("migration-compensation");
    http.completeNext("book", Map.of());
    http.awaitJobExists("pay");
    String target = deployTarget("migration-compensation-v2.bpmn", "migration-compensation");

    migrateOk(instance, plan(target, "Task_Pay", "Task_Pay", "Task_Book", "Task_Book2"));

    http.completeNext("pay", Map.of());
    JsonNode refund = http.activateOne("refund");
    assertThat(refund.path("elementId").asText()).isEqualTo("Task_Refund");
    http.completeJob(refund.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "Task_CancelBooking")).as("the source's handler is gone with its version").isEmpty();
  }

  @Test
  void aCompletedActivitysCompensationWithoutMappingIsClosed() {
    http.deployOk(bpmn("migration-compensation-v1.bpmn"));
    String instance = http.createInstance("migration-compensation");
    http.completeNext("book", Map.of());
    http.awaitJobExists("pay");
    String target = deployTarget("migration-compensation-v2.bpmn", "migration-compensation");

    migrateOk(instance, plan(target, "Task_Pay", "Task_Pay"));

    http.completeNext("pay", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elements(instance, "Throw_Compensate")).as("the throw event found nothing to compensate").hasSize(1);
    assertThat(elements(instance, "Task_Refund")).isEmpty();
    assertThat(http.activateNow("refund")).isEmpty();
  }

  @Test
  void theProcessesOwnEventSubProcessStartMovesWithItsMappingAndMustBeMappedForTheSameMessage() {
    http.deployOk(bpmn("message-event-subprocess.bpmn"));
    String instance = http.createInstance("message-event-subprocess", Map.of("orderId", "o-1"));
    http.awaitJobExists("main-work");
    String target = deployTarget("migration-event-subprocess-v2.bpmn", "message-event-subprocess");

    EngineHttp.Response unmapped = http.post("/process-instances/" + instance + "/migration", plan(target, "Task_MainWork", "Task_MainWork"));
    assertThat(unmapped.status()).as(unmapped.body()).isEqualTo(409);
    assertThat(unmapped.json().path("detail").asText()).contains("StartEvent_Abort2").contains("abort");
    migrateOk(instance, plan(target, "Task_MainWork", "Task_MainWork", "StartEvent_Abort", "StartEvent_Abort2"));

    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .singleElement()
        .satisfies(s -> assertThat(s.path("elementId").asText()).isEqualTo("StartEvent_Abort2"))
        .satisfies(s -> assertThat(s.path("elementInstanceKey").asText()).as("the process instance waits").isEqualTo(instance));
    assertThat(http.post("/messages/correlation", Map.of("name", "abort", "correlationKey", "o-1")).status()).isEqualTo(200);
    assertThat(http.activateOne("handle-abort-2").path("elementId").asText()).isEqualTo("Task_HandleAbort2");
  }

  @Test
  void aWaitingMessageCatchEventMovesWithItsSubscriptionButNotToATimerCatchEvent() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));
    String subscription = Eventually.get("the subscription",
        () -> http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))), l -> l.size() == 1)
        .getFirst().path("messageSubscriptionKey").asText();
    String target = deployTarget("migration-intermediate-catch-v2.bpmn", "message-intermediate-catch");

    EngineHttp.Response toTimer =
        http.post("/process-instances/" + instance + "/migration", plan(target, "Event_PaymentReceived", "Event_Cooldown"));
    assertThat(toTimer.status()).as(toTimer.body()).isEqualTo(409);
    assertThat(toTimer.json().path("detail").asText()).contains("message intermediateCatchEvent").contains("timer intermediateCatchEvent");
    migrateOk(instance, plan(target, "Event_PaymentReceived", "Event_Paid2"));

    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance))))
        .singleElement()
        .satisfies(s -> assertThat(s.path("messageSubscriptionKey").asText()).isEqualTo(subscription))
        .satisfies(s -> assertThat(s.path("elementId").asText()).isEqualTo("Event_Paid2"))
        .satisfies(s -> assertThat(s.path("processDefinitionKey").asText()).isEqualTo(target));
    assertThat(http.post("/messages/correlation", Map.of("name", "payment-received", "correlationKey", "o-1")).status()).isEqualTo(200);
    assertThat(http.activateOne("invoice").path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(elements(instance, "Event_Paid2")).singleElement()
        .satisfies(e -> assertThat(e.path("state").asText()).isEqualTo("COMPLETED"));
  }
}
