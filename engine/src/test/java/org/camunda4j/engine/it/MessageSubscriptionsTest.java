package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v2/message-subscriptions/search}: every message subscription of a process instance,
 * CREATED while it waits, CORRELATED once a message reached it, DELETED when its element ended
 * without one.
 */
class MessageSubscriptionsTest extends EngineScenario {

  private List<JsonNode> subscriptionsOf(String instance) {
    return http.search("message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance)));
  }

  @Test
  void aWaitingCatchEventHasACreatedSubscriptionThatACorrelatedMessageMarksCorrelated() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));

    JsonNode waiting = Eventually.get("the subscription", () -> subscriptionsOf(instance), l -> l.size() == 1).getFirst();

    assertThat(waiting.path("messageSubscriptionState").asText()).isEqualTo("CREATED");
    assertThat(waiting.path("messageName").asText()).isEqualTo("payment-received");
    assertThat(waiting.path("correlationKey").asText()).isEqualTo("o-1");
    assertThat(waiting.path("elementId").asText()).isEqualTo("Event_PaymentReceived");
    assertThat(waiting.path("processDefinitionId").asText()).isEqualTo("message-intermediate-catch");
    assertThat(waiting.path("processDefinitionKey").asText()).isNotBlank();
    assertThat(waiting.path("rootProcessInstanceKey").asText()).isEqualTo(instance);
    assertThat(waiting.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(waiting.path("lastUpdatedDate").asText()).isNotBlank();
    String catchEvent = http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("elementId").asText().equals("Event_PaymentReceived")).findFirst().orElseThrow()
        .path("elementInstanceKey").asText();
    assertThat(waiting.path("elementInstanceKey").asText()).isEqualTo(catchEvent);

    http.post("/messages/correlation", Map.of("name", "payment-received", "correlationKey", "o-1"));

    JsonNode correlated = subscriptionsOf(instance).getFirst();
    assertThat(correlated.path("messageSubscriptionKey").asText()).isEqualTo(waiting.path("messageSubscriptionKey").asText());
    assertThat(correlated.path("messageSubscriptionState").asText()).isEqualTo("CORRELATED");
    assertThat(http.search("message-subscriptions", Map.of("filter", Map.of("messageSubscriptionState", "CREATED")))).isEmpty();
  }

  @Test
  void aBoundaryEventsSubscriptionIsDeletedWhenItsActivityCompletesWithoutTheMessage() {
    http.deployOk(bpmn("message-boundary-interrupting.bpmn"));
    String instance = http.createInstance("message-boundary-interrupting", Map.of("orderId", "o-2"));
    Eventually.get("the subscription", () -> subscriptionsOf(instance), l -> l.size() == 1);

    http.completeNext("slow-approval", Map.of());

    JsonNode deleted = Eventually.get("deleted", () -> subscriptionsOf(instance), l -> l.getFirst().path("messageSubscriptionState").asText().equals("DELETED"))
        .getFirst();
    assertThat(deleted.path("elementId").asText()).isEqualTo("Boundary_CancelOrder");
    assertThat(http.search("message-subscriptions", Map.of(
            "filter", Map.of("messageName", Map.of("$like", "cancel*"), "messageSubscriptionState", Map.of("$in", List.of("DELETED", "CORRELATED"))),
            "sort", List.of(Map.of("field", "lastUpdatedDate", "order", "DESC")))))
        .hasSize(1);
    assertThat(assertProblem(http.post("/message-subscriptions/search", Map.of("filter", Map.of("noSuchField", 1))), 400, "INVALID_ARGUMENT"))
        .contains("noSuchField");
  }
}
