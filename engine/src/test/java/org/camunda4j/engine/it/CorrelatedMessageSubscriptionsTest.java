package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v2/correlated-message-subscriptions/search}: the engine remembers which subscription each message reached. */
class CorrelatedMessageSubscriptionsTest extends EngineScenario {

  @Test
  void aPublishedMessageIsRecordedAgainstTheCatchEventItReached() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"));
    String instance = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-1"));
    JsonNode catchEvent =
        Eventually.get("the catch event waiting", () -> http.search("element-instances",
            Map.of("filter", Map.of("processInstanceKey", instance, "elementId", "Event_PaymentReceived"))), l -> l.size() == 1).getFirst();

    EngineHttp.Response published =
        http.post("/messages/publication", Map.of("name", "payment-received", "correlationKey", "o-1", "timeToLive", 0));

    List<JsonNode> correlated = http.search("correlated-message-subscriptions", Map.of("filter", Map.of("processInstanceKey", instance)));
    assertThat(correlated).hasSize(1);
    JsonNode c = correlated.getFirst();
    assertThat(c.path("messageKey").asText()).isEqualTo(published.json().path("messageKey").asText());
    assertThat(c.path("messageName").asText()).isEqualTo("payment-received");
    assertThat(c.path("correlationKey").asText()).isEqualTo("o-1");
    assertThat(c.path("elementId").asText()).isEqualTo("Event_PaymentReceived");
    assertThat(c.path("elementInstanceKey").asText()).isEqualTo(catchEvent.path("elementInstanceKey").asText());
    assertThat(c.path("processDefinitionId").asText()).isEqualTo("message-intermediate-catch");
    assertThat(c.path("processDefinitionKey").asText()).isEqualTo(catchEvent.path("processDefinitionKey").asText());
    assertThat(c.path("rootProcessInstanceKey").asText()).isEqualTo(instance);
    assertThat(c.path("subscriptionKey").asText()).matches("\\d+");
    assertThat(c.path("partitionId").asInt()).isEqualTo(1);
    assertThat(c.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(c.path("correlationTime").asText()).isNotBlank();
  }

  @Test
  void aBufferedMessageIsRecordedWhenTheSubscriptionOpensAndAStartEventWhenItStartsAnInstance() {
    http.deployOk(bpmn("message-intermediate-catch.bpmn"), bpmn("message-start-event.bpmn"));
    String buffered =
        http.post("/messages/publication", Map.of("name", "payment-received", "correlationKey", "o-2", "timeToLive", 60_000))
            .json().path("messageKey").asText();
    String waiting = http.createInstance("message-intermediate-catch", Map.of("orderId", "o-2"));
    EngineHttp.Response correlation = http.post("/messages/correlation", Map.of("name", "order-placed", "correlationKey", ""));

    Eventually.get("the buffered message's correlation",
        () -> http.search("correlated-message-subscriptions", Map.of("filter", Map.of("messageKey", buffered))), l -> l.size() == 1);
    List<JsonNode> started =
        http.search("correlated-message-subscriptions", Map.of("filter", Map.of("messageName", "order-placed")));

    assertThat(http.search("correlated-message-subscriptions", Map.of("filter", Map.of("messageKey", buffered))).getFirst()
        .path("processInstanceKey").asText()).isEqualTo(waiting);
    assertThat(started).hasSize(1);
    assertThat(started.getFirst().path("elementId").asText()).isEqualTo("StartEvent_OrderPlaced");
    assertThat(started.getFirst().path("processInstanceKey").asText()).isEqualTo(correlation.json().path("processInstanceKey").asText());
    assertThat(started.getFirst().path("messageKey").asText()).isEqualTo(correlation.json().path("messageKey").asText());
    assertThat(http.search("correlated-message-subscriptions", Map.of("filter", Map.of("elementId", Map.of("$like", "Start*")))))
        .hasSize(1);
  }
}
