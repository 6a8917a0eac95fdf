package org.camunda4j.examples.payments;

import org.camunda4j.sdk.CamundaClient;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A payment service: its {@link PaymentWorkers} charge cards and send receipts for the {@code payment}
 * process, which it deploys when it starts. The client comes from {@code application.properties}.
 */
@SpringBootApplication
public class PaymentApplication {

  public static void main(String[] args) {
    SpringApplication.run(PaymentApplication.class, args);
  }

  @Bean
  ApplicationRunner deployPaymentProcess(CamundaClient camunda) {
    return args -> camunda.deployResourcesFromClasspath("payment.bpmn");
  }
}
