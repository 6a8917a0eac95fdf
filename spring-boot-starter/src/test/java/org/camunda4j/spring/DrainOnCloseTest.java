package org.camunda4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.spring.internal.JobWorkerRegistrar;
import org.camunda4j.testing.CamundaTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Closing the application context drains the workers: polling stops, a job in its handler finishes and
 * is completed on the engine, and only then does the client close. The engine outlives the context.
 */
class DrainOnCloseTest {

  @Test
  void aJobRunningWhenTheContextClosesFinishesAndIsCompleted() throws Exception {
    try (CamundaTestContext camunda = CamundaTestContext.start(Map.of(), Duration.ofSeconds(30))) {
      camunda.deploy("bpmn/spring-worker.bpmn");
      ConfigurableApplicationContext application = new SpringApplicationBuilder(SlowApplication.class)
          .web(WebApplicationType.NONE)
          .properties("camunda.client.rest-address=" + camunda.restAddress(), "camunda.client.read-environment=false",
              "camunda.client.worker.drain-timeout=20s", "camunda.client.worker.defaults.job-timeout=60s")
          .run();
      SlowWorker slow = application.getBean(SlowWorker.class);
      JobWorker worker = application.getBean(JobWorkerRegistrar.class).workers().getFirst();

      var instance = camunda.startInstance("spring-worker", Map.of("jobType", "pack-slowly"));
      assertThat(slow.entered.await(30, TimeUnit.SECONDS)).as("the handler started").isTrue();
      application.close();

      assertThat(slow.finished.getCount()).as("the handler ran to its end before close returned").isZero();
      assertThat(worker.isRunning()).isFalse();
      assertThat(worker.stats().completed()).isEqualTo(1);
      camunda.assertThat(instance).isCompleted().hasVariable("packed", true);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class SlowApplication {
    @Bean
    SlowWorker slowWorker() {
      return new SlowWorker();
    }
  }

  static class SlowWorker {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);

    @org.camunda4j.spring.JobWorker(type = "pack-slowly")
    Map<String, Object> pack() throws InterruptedException {
      entered.countDown();
      Thread.sleep(1_500); // long enough that close() is called while it runs
      finished.countDown();
      return Map.of("packed", true);
    }
  }
}
