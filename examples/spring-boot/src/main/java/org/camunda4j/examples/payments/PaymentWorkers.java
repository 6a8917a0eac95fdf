package org.camunda4j.examples.payments;

import java.util.Map;
import org.camunda4j.sdk.JobContext;
import org.camunda4j.sdk.JobError;
import org.camunda4j.spring.CustomHeader;
import org.camunda4j.spring.JobWorker;
import org.camunda4j.spring.Variable;
import org.springframework.stereotype.Component;

/** The job workers of the payment process: plain bean methods. */
@Component
public class PaymentWorkers {

  /** The variables the charge needs; only these three are fetched. */
  public record Payment(String orderId, String cardNumber, long amountCents) {}

  /** Returned, it completes the job with these as process variables. */
  public record Receipt(String receiptId, long chargedCents, String currency) {}

  /** The currency is a task header of the model; a declined card is a BPMN error the model catches. */
  @JobWorker(type = "charge-card")
  public Receipt chargeCard(Payment payment, @CustomHeader String currency) {
    if (payment.cardNumber().endsWith("0000")) {
      throw new JobError("CARD_DECLINED", "the card ending in 0000 was declined");
    }
    return new Receipt("rcpt-" + payment.orderId(), payment.amountCents(), currency);
  }

  @JobWorker(type = "send-receipt")
  public Map<String, Object> sendReceipt(JobContext job, @Variable String receiptId, @Variable String email) {
    job.log().info("Receipt {} sent to {}", receiptId, email);
    return Map.of("receiptSent", true);
  }
}
