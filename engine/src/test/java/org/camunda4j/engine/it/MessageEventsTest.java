package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages (issue 4 §2): publish with TTL and messageId, correlate, every message catch element. */
class MessageEventsTest extends EngineScenario {

  /**
   * A TTL for messages aimed at an instance that was just created: its subscription may open a
   * moment after the create call answers, and buffering covers that gap without changing what is
   * being tested.
   */
  private static final long BUFFERED = 60_000;

  @Test
  void aPublishedMessageMovesTheWaitingInstanceOnWithItsVariables() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));

    EngineHttp.Response published = publish("payment-received", "o-1", BUFFERED, null, Map.of("amount", 99));

    assertThat(published.status()).isEqualTo(200);
    assertThat(published.mediaType()).isEqualTo("application/json");
    Keys.assertKey(published.json().path("messageKey"));
    assertThat(published.json().path("tenantId").asText()).isEqualTo("<default>");
    JsonNode ship = http.activateOne("ship-order");
    assertThat(ship.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(ship.path("variables").path("amount").asInt()).isEqualTo(99);
  }

  @Test
  void aMessageWithAnotherCorrelationKeyDoesNotMatch() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));

    publish("payment-received", "o-2", 0, null, Map.of());

    assertThat(http.activate("ship-order", 1, 1_000).json().path("jobs")).isEmpty();
  }

  @Test
  void aBufferedMessageIsTakenByAnInstanceThatArrivesLater() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    publish("payment-received", "o-7", 60_000, null, Map.of("paidBy", "card"));

    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-7"));

    JsonNode ship = http.activateOne("ship-order");
    assertThat(ship.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(ship.path("variables").path("paidBy").asText()).isEqualTo("card");
  }

  @Test
  void bufferedMessagesAreTakenOldestFirst() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    publish("payment-received", "o-8", 60_000, null, Map.of("sequence", 1));
    publish("payment-received", "o-8", 60_000, null, Map.of("sequence", 2));

    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-8"));
    JsonNode first = http.activateOne("ship-order");
    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-8"));
    JsonNode second = http.activateOne("ship-order");

    assertThat(first.path("variables").path("sequence").asInt()).isEqualTo(1);
    assertThat(second.path("variables").path("sequence").asInt()).isEqualTo(2);
  }

  @Test
  void aMessageWithoutTtlIsDroppedWhenNobodyWaits() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    publish("payment-received", "o-9", 0, null, Map.of());

    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-9"));

    assertThat(http.activate("ship-order", 1, 1_000).json().path("jobs")).isEmpty();
  }

  @Test
  void aBufferedMessageExpiresWithTheEngineClock() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    publish("payment-received", "o-10", 60_000, null, Map.of());

    engine.clock().advance(Duration.ofMinutes(2));
    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-10"));

    assertThat(http.activate("ship-order", 1, 1_000).json().path("jobs")).isEmpty();
  }

  @Test
  void aDuplicateMessageIdIsRejectedWhileTheFirstIsBuffered() {
    assertThat(publish("payment-received", "o-11", 60_000, "msg-1", Map.of()).status()).isEqualTo(200);

    String detail = assertProblem(publish("payment-received", "o-11", 60_000, "msg-1", Map.of()), 409, "ALREADY_EXISTS");
    assertThat(detail).contains("msg-1");
  }

  @Test
  void theSameMessageIdMayBePublishedAgainAfterTheFirstExpired() {
    engine.clock().pin(Instant.parse("2030-01-01T10:00:00Z"));
    publish("payment-received", "o-12", 60_000, "msg-2", Map.of());

    engine.clock().advance(Duration.ofMinutes(2));

    Eventually.get(
        "the first message to expire",
        () -> publish("payment-received", "o-12", 60_000, "msg-2", Map.of()).status(),
        status -> status == 200);
  }

  @Test
  void aMessageCorrelatesToAtMostOneInstanceOfAProcess() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    http.createInstance("message-intermediate-catch", Map.of("orderId", "shared"));
    http.createInstance("message-intermediate-catch", Map.of("orderId", "shared"));

    publish("payment-received", "shared", BUFFERED, null, Map.of());

    assertThat(http.activateJobs("ship-order", 10)).hasSize(1);
    assertThat(http.activate("ship-order", 10, 1_000).json().path("jobs")).isEmpty();
  }

  @Test
  void correlateAnswersWithTheInstanceItMovedOn() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-13"));

    // Correlation never buffers, so retrying until the subscription is open is safe.
    EngineHttp.Response response =
        Eventually.get(
            "the catch event's subscription to open",
            () ->
                http.post(
                    "/messages/correlation",
                    Map.of("name", "payment-received", "correlationKey", "o-13", "variables", Map.of("x", 1))),
            r -> r.status() != 404);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("processInstanceKey").asText()).isEqualTo(instance);
    Keys.assertKey(response.json().path("messageKey"));
    assertThat(response.json().path("tenantId").asText()).isEqualTo("<default>");
  }

  @Test
  void correlateWithNobodyWaitingIs404AndBuffersNothing() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));

    String detail =
        assertProblem(
            http.post("/messages/correlation", Map.of("name", "payment-received", "correlationKey", "o-14")), 404, "NOT_FOUND");
    assertThat(detail).contains("payment-received").contains("o-14");

    http.createInstance("message-intermediate-catch", Map.of("orderId", "o-14"));
    assertThat(http.activate("ship-order", 1, 1_000).json().path("jobs")).isEmpty();
  }

  @Test
  void aReceiveTaskWaitsForItsMessage() {
    http.deployOk(bpmn("message-receive-task.bpmn"));
    String instance = http.createInstance("message-receive-task", Map.of("orderId", "o-15"));

    publish("confirmation", "o-15", BUFFERED, null, Map.of());

    assertThat(http.activateOne("after-confirmation").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void anInterruptingBoundaryMessageCancelsTheTask() {
    http.deployOk(bpmn("message-boundary-interrupting.bpmn"));
    String instance = http.createInstance("message-boundary-interrupting", Map.of("orderId", "o-16"));
    JsonNode approval = http.activateOne("slow-approval");

    publish("cancel-order", "o-16", BUFFERED, null, Map.of());

    assertThat(http.activateOne("handle-cancellation").path("processInstanceKey").asText()).isEqualTo(instance);
    assertProblem(http.post("/jobs/" + approval.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void aNonInterruptingBoundaryMessageLeavesTheTaskRunningAndCanFireAgain() {
    http.deployOk(bpmn("message-boundary-non-interrupting.bpmn"));
    http.createInstance("message-boundary-non-interrupting", Map.of("orderId", "o-17"));
    JsonNode work = http.activateOne("long-work");

    publish("reminder", "o-17", BUFFERED, null, Map.of());
    http.completeNext("send-reminder", Map.of());
    publish("reminder", "o-17", BUFFERED, null, Map.of());
    http.completeNext("send-reminder", Map.of());

    http.completeJob(work.path("jobKey").asText(), Map.of());
  }

  @Test
  void aMessageStartEventStartsAnInstance() {
    http.deployOk(bpmn("message-start-event.bpmn"));

    publish("order-placed", "", 0, null, Map.of("orderId", "o-18"));

    JsonNode job = http.activateOne("process-placed-order");
    assertThat(job.path("variables").path("orderId").asText()).isEqualTo("o-18");
  }

  @Test
  void aMessageStartEventStartsNoSecondInstanceForAKeyWhoseInstanceIsActive() {
    http.deployOk(bpmn("message-start-event.bpmn"));

    publish("order-placed", "customer-1", 0, null, Map.of());
    http.awaitJobCount("process-placed-order", 1);
    publish("order-placed", "customer-1", 0, null, Map.of());
    publish("order-placed", "customer-2", 0, null, Map.of());

    http.awaitJobCount("process-placed-order", 2);
    assertThat(http.search("process-instances", Map.of("filter", Map.of("processDefinitionId", "message-start-event"))))
        .hasSize(2);
  }

  @Test
  void aBufferedMessageForAKeyStartsTheNextInstanceOnceTheActiveOneHasEnded() {
    http.deployOk(bpmn("message-start-event.bpmn"));
    publish("order-placed", "customer-3", BUFFERED, null, Map.of("sequence", 1));
    JsonNode first = http.activateOne("process-placed-order");
    publish("order-placed", "customer-3", BUFFERED, null, Map.of("sequence", 2));
    assertThat(http.activate("process-placed-order", 1, 1_000).json().path("jobs")).as("one instance per key at a time").isEmpty();

    http.completeJob(first.path("jobKey").asText(), Map.of());

    assertThat(http.activateOne("process-placed-order").path("variables").path("sequence").asInt()).isEqualTo(2);
  }

  @Test
  void correlateToAMessageStartEventAnswersWithTheNewInstance() {
    http.deployOk(bpmn("message-start-event.bpmn"));

    EngineHttp.Response response = http.post("/messages/correlation", Map.of("name", "order-placed", "correlationKey", "c-1"));

    assertThat(response.status()).isEqualTo(200);
    String instance = response.json().path("processInstanceKey").asText();
    assertThat(http.activateOne("process-placed-order").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void anInterruptingMessageEventSubProcessCancelsTheMainFlow() {
    http.deployOk(bpmn("message-event-subprocess.bpmn"));
    String instance = http.createInstance("message-event-subprocess", Map.of("orderId", "o-19"));
    JsonNode main = http.activateOne("main-work");

    publish("abort", "o-19", BUFFERED, null, Map.of());

    http.completeNext("handle-abort", Map.of());
    assertProblem(http.post("/jobs/" + main.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aNonInterruptingMessageEventSubProcessRunsBesideTheMainFlow() {
    http.deployOk(bpmn("message-event-subprocess-non-interrupting.bpmn"));
    String instance = http.createInstance("message-event-subprocess-non-interrupting", Map.of("orderId", "o-20"));
    JsonNode main = http.activateOne("main-work");

    publish("status-request", "o-20", BUFFERED, null, Map.of());

    http.completeNext("report-status", Map.of());
    http.completeJob(main.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void theCorrelationKeyIsEvaluatedWhenTheSubscriptionOpensAndDoesNotFollowLaterChanges() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "first-key"));
    http.awaitInstanceState(instance, "ACTIVE");
    http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("orderId", "second-key")));

    publish("payment-received", "second-key", 0, null, Map.of());
    assertThat(http.activate("ship-order", 1, 1_000).json().path("jobs")).as("the later value is not the key").isEmpty();

    publish("payment-received", "first-key", BUFFERED, null, Map.of());
    assertThat(http.activateOne("ship-order").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void anOutputMappingOnTheCatchEventShapesTheMessageVariables() {
    http.deployOk(bpmn("message-catch-output-mapping.bpmn"));
    String instance = http.createInstance("message-catch-output-mapping", Map.of("quoteId", "q-1"));

    publish("price-quoted", "q-1", BUFFERED, null, Map.of("amount", 12.5));

    JsonNode accept = http.activateOne("accept-quote");
    assertThat(accept.path("variables").path("amountInCents").asInt()).isEqualTo(1250);
    assertThat(accept.path("variables").has("amount")).as("with an output mapping only the mapped result leaves").isFalse();
    assertThat(http.variablesOfScope(instance)).containsKey("amountInCents").doesNotContainKey("amount");
  }

  @Test
  void publishingWithoutANameIsRejected() {
    String detail = assertProblem(http.post("/messages/publication", Map.of("correlationKey", "x")), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("name");
  }

  private EngineHttp.Response publish(String name, String key, long ttl, String messageId, Map<String, ?> variables) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("name", name);
    body.put("correlationKey", key);
    body.put("timeToLive", ttl);
    body.put("variables", variables);
    if (messageId != null) {
      body.put("messageId", messageId);
    }
    return http.post("/messages/publication", body);
  }
}
