package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;

/**
 * A handler that returns a {@link JobResultAdHocSubProcess} drives the job-worker form of an ad-hoc
 * sub-process on the in-process engine: it activates an element, gets a new job when that element's
 * flow completes, and then fulfils the completion condition.
 */
class AdHocSubProcessResultTest {

  @Test
  void aHandlerActivatesAnElementThenCompletesTheSubProcess() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/adhoc-agent.bpmn")) {
      List<Object> offered = new CopyOnWriteArrayList<>();
      fixture.client.createJobWorker(WorkerConfig.of("agent").withJobTimeout(EngineFixture.lock()), (SyncJobContext job) -> {
        offered.add(job.variables().get("adHocSubProcessElements"));
        // the lookup's status stays in its activation's inner instance; the output collection brings it here
        if (job.variables().get("findings") instanceof List<?> findings && findings.isEmpty()) {
          return new JobCompletionRequest(JobResultAdHocSubProcess.activate(
              new JobResultAdHocSubProcess.ActivateElement("Task_Lookup", Map.of("orderId", "o-7"))));
        }
        return new JobCompletionRequest(Map.of("answered", true), JobResultAdHocSubProcess.complete(true));
      });
      fixture.client.createJobWorker(WorkerConfig.of("lookup").withJobTimeout(EngineFixture.lock()),
          (SyncJobContext job) -> Map.of("status", "shipped:" + job.variables().get("orderId")));

      ProcessInstanceCreationResult done = fixture.client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("adhoc-agent")
          .withAwaitCompletion().withRequestTimeout(Duration.ofSeconds(60)));

      assertThat(done.variables()).containsEntry("findings", List.of("shipped:o-7")).doesNotContainKey("status");
      assertThat(offered).hasSize(2);
    }
  }

}
