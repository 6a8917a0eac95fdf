package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;

class JobWorkerMetricsTest {

  @Test
  void workerCountersAndHandlerTimeAreExposedToMicrometer() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/work.bpmn")) {
      JobWorker worker = fixture.client.createJobWorker(
          WorkerConfig.of("work").withJobTimeout(Duration.ofSeconds(30)).withWorkerName("metered"),
          (SyncJobContext job) -> Map.of("ok", true));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new JobWorkerMetrics(fixture.client.workers()).bindTo(registry);

      fixture.start("work", Map.of("orderId", "o-1"));
      fixture.start("work", Map.of("orderId", "o-2"));
      Await.until("two completions", () -> worker.stats().completed() == 2);

      assertThat(registry.get("camunda.worker.jobs").tags("outcome", "completed", "jobType", "work",
          "workerName", "metered").functionCounter().count()).isEqualTo(2.0);
      assertThat(registry.get("camunda.worker.jobs").tags("outcome", "activated").functionCounter().count())
          .isEqualTo(2.0);
      assertThat(registry.get("camunda.worker.handler").functionTimer().count()).isEqualTo(2.0);
      assertThat(registry.get("camunda.worker.polls").functionCounter().count()).isPositive();
      assertThat(registry.get("camunda.worker.jobs.in.flight").gauge().value()).isZero();
    }
  }
}
