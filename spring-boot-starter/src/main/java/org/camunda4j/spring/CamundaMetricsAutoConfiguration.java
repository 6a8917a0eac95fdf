package org.camunda4j.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda4j.sdk.JobWorkerMetrics;
import org.camunda4j.spring.internal.WorkerStartedListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * When Micrometer is on the classpath and the application has a {@code MeterRegistry}, every
 * {@code @JobWorker} worker's meters are registered in it: the SDK's {@link JobWorkerMetrics}
 * ({@code camunda.worker.jobs} by outcome, {@code camunda.worker.handler},
 * {@code camunda.worker.jobs.in.flight}, ...), tagged {@code jobType} and {@code workerName}.
 */
@AutoConfiguration(after = CamundaAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "camunda.client", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CamundaMetricsAutoConfiguration {

  @Bean
  public WorkerStartedListener camundaWorkerMetrics(ObjectProvider<MeterRegistry> registry) {
    return worker -> registry.ifAvailable(r -> new JobWorkerMetrics(worker).bindTo(r));
  }
}
