package org.camunda4j.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda4j.spring.CamundaSpringBootTest;
import org.camunda4j.testing.CamundaTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;

/** The whole application, its real workers and its own deployment, against the in-process engine. */
@CamundaSpringBootTest
class PaymentApplicationTest {

  @Autowired CamundaTestContext camunda;
  @Autowired HealthEndpoint health;

  @Test
  void aChargedPaymentGetsItsReceipt() {
    var order = camunda.startInstance("payment",
        Map.of("orderId", "o-17", "cardNumber", "4111111111111111", "amountCents", 2599, "email", "ada@example.com"));

    camunda.assertThat(order).isCompleted().hasPassed("EndEvent_Paid")
        .hasVariable("receiptId", "rcpt-o-17").hasVariable("chargedCents", 2599).hasVariable("currency", "EUR")
        .hasVariable("receiptSent", true);
  }

  @Test
  void aDeclinedCardEndsThePaymentWithoutAReceipt() {
    var order = camunda.startInstance("payment",
        Map.of("orderId", "o-18", "cardNumber", "4000000000000000", "amountCents", 100, "email", "bob@example.com"));

    camunda.assertThat(order).isCompleted().hasPassed("Error_CardDeclined", "EndEvent_Declined");
  }

  @Test
  void theHealthEndpointShowsTheEngineAndTheWorkers() {
    assertThat(health.healthForPath("camunda").getStatus()).isEqualTo(Status.UP);
  }
}
