package org.camunda4j.spring;

import java.util.Map;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.spring.internal.ClientConfigurationMapper;
import org.camunda4j.spring.internal.JobWorkerRegistrar;
import org.camunda4j.spring.internal.WorkerStartedListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The clients from {@code camunda.client.*} and the {@link JobWorker @JobWorker} methods' workers.
 * {@code camunda.client.enabled=false} switches it off; a {@code CamundaAsyncClient} bean of your own
 * replaces the configured one.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "camunda.client", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CamundaClientProperties.class)
public class CamundaAutoConfiguration {

  /** Closed with the context, after the workers have drained. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CamundaAsyncClient camundaAsyncClient(CamundaClientProperties properties) {
    Map<String, String> configuration = ClientConfigurationMapper.toConfiguration(properties);
    Map<String, String> environment = properties.readEnvironment() ? System.getenv() : Map.of();
    try {
      return CamundaClient.builder().configuration(configuration).environment(environment).buildAsync();
    } catch (CamundaConfigurationException e) {
      String property = ClientConfigurationMapper.propertyOf(e.key(), configuration, environment);
      String reason = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
      throw new CamundaConfigurationException(property, reason);
    }
  }

  /** The blocking twin of the async client: same connections, closed with it. */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public CamundaClient camundaClient(CamundaAsyncClient asyncClient) {
    return asyncClient.blocking();
  }

  /** Static and lazy in what it needs, as a bean post-processor must be. */
  @Bean
  public static JobWorkerRegistrar camundaJobWorkerRegistrar(ObjectProvider<CamundaClient> client,
      ObjectProvider<CamundaClientProperties> properties, ObjectProvider<WorkerStartedListener> listeners) {
    return new JobWorkerRegistrar(client, properties, listeners);
  }
}
