package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.response.MessageSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official Java client 8.9 searches message subscriptions. */
class OfficialClientMessageSubscriptionTest extends OfficialClientScenario {

  @Test
  void messageSubscriptionsAreSearchedWithTheClient() throws InterruptedException {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/message-intermediate-catch.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("message-intermediate-catch").latestVersion()
            .variables(Map.of("orderId", "o-9")).send().join().getProcessInstanceKey();

    List<MessageSubscription> found = List.of();
    for (Instant deadline = Instant.now().plus(Duration.ofSeconds(30)); found.isEmpty() && Instant.now().isBefore(deadline); Thread.sleep(20)) {
      found = client.newMessageSubscriptionSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items();
    }

    assertThat(found).singleElement().satisfies(s -> {
      assertThat(s.getMessageName()).isEqualTo("payment-received");
      assertThat(s.getCorrelationKey()).isEqualTo("o-9");
      assertThat(s.getElementId()).isEqualTo("Event_PaymentReceived");
      assertThat(s.getMessageSubscriptionState()).isEqualTo(MessageSubscriptionState.CREATED);
      assertThat(s.getLastUpdatedDate()).isNotNull();
    });
  }
}
