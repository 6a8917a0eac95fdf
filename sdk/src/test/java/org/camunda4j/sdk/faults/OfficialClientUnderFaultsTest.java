package org.camunda4j.sdk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda4j.engine.Engine;
import org.camunda4j.sdk.faults.FaultProxy.Fault;
import org.camunda4j.sdk.testing.Await;
import org.junit.jupiter.api.Test;

/**
 * The official Java client under the fault our workers retry (a 500 on a completion the engine
 * never saw, on the first completion of every third job): it does not retry the completion; the
 * handler's join throws, the job is failed and activated again, so its handler runs twice.
 * {@code docs/reliability.md} records the comparison.
 */
class OfficialClientUnderFaultsTest {

  private static final int INSTANCES = 30;

  @Test
  void aCompletionAnswered500RunsTheHandlerAgain() {
    try (Engine engine = Engine.start();
        FaultProxy proxy = new FaultProxy(engine.restAddress());
        CamundaClient direct = connect(engine.restAddress());
        CamundaClient client = connect(proxy.address())) {
      direct.newDeployResourceCommand().addResourceFromClasspath("bpmn/work.bpmn").send().join();
      AtomicInteger jobs = new AtomicInteger();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      proxy.policy((method, path) -> path.endsWith("/completion") && seen.add(path) && jobs.incrementAndGet() % 3 == 0
          ? Fault.INTERNAL_ERROR_UNSEEN : Fault.NONE);
      Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
      try (JobWorker worker = client.newWorker().jobType("work")
          .handler((jobClient, job) -> {
            runs.computeIfAbsent(job.getKey(), key -> new AtomicInteger()).incrementAndGet();
            jobClient.newCompleteCommand(job).send().join();
          })
          .timeout(Duration.ofSeconds(30))
          .maxJobsActive(4)
          .open()) {
        List<Long> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          instances.add(direct.newCreateInstanceCommand().bpmnProcessId("work").latestVersion().send().join()
              .getProcessInstanceKey());
        }
        for (long key : instances) {
          Await.until("instance " + key + " completes", Duration.ofSeconds(60),
              () -> "COMPLETED".equals(direct.newProcessInstanceGetRequest(key).send().join().getState().name()));
        }
      }

      long ranTwice = runs.values().stream().filter(count -> count.get() > 1).count();
      System.out.println("official client: " + proxy.injected.get() + " completions answered 500, "
          + ranTwice + " handlers ran more than once");
      assertThat(proxy.injected.get()).isPositive();
      assertThat(ranTwice).as("each job whose completion got a 500 ran again").isEqualTo(proxy.injected.get());
    }
  }

  private static CamundaClient connect(java.net.URI address) {
    return CamundaClient.newClientBuilder()
        .restAddress(address)
        .preferRestOverGrpc(true)
        .defaultJobWorkerStreamEnabled(false)
        .defaultJobPollInterval(Duration.ofMillis(50))
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
  }
}
