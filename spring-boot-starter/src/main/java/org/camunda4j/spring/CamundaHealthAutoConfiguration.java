package org.camunda4j.spring;

import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.spring.internal.CamundaHealthIndicator;
import org.camunda4j.spring.internal.JobWorkerRegistrar;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * When the actuator is on the classpath: the {@code camunda} health component. DOWN when the engine
 * does not answer a topology request within 3 s or a started worker stopped polling; backpressure
 * keeps it UP and shows per worker, with in-flight jobs, consecutive poll errors and poll backoff.
 */
@AutoConfiguration(after = CamundaAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({CamundaAsyncClient.class, JobWorkerRegistrar.class})
public class CamundaHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "camundaHealthIndicator")
  public HealthIndicator camundaHealthIndicator(CamundaAsyncClient client, JobWorkerRegistrar workers) {
    return new CamundaHealthIndicator(client, workers);
  }
}
