package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.compat.OfficialClients.await;

import io.camunda.client.api.response.EvaluateConditionalResponse;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The official Java client against ad-hoc sub-processes ({@code withResult(r -> r.forAdHocSubProcess()...)}
 * and {@code newActivateAdHocSubProcessActivitiesCommand}) and root-level conditional start events
 * ({@code newEvaluateConditionalCommand}).
 */
class OfficialClientAdHocAndConditionalTest extends OfficialClientScenario {

  @Test
  void aWorkerDrivesAnAdHocSubProcessThroughJobResults() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/adhoc-job-worker.bpmn").send().join();
    List<JobKind> kinds = new CopyOnWriteArrayList<>();
    workers.add(
        client.newWorker()
            .jobType("agent")
            .handler((jobClient, job) -> {
              kinds.add(job.getKind());
              // the lookup's status stays in its inner instance; the output collection brings it here
              boolean looked = List.of("found o-9").equals(job.getVariablesAsMap().get("findings"));
              jobClient.newCompleteCommand(job)
                  .withResult(r -> looked
                      ? r.forAdHocSubProcess().completionConditionFulfilled(true).cancelRemainingInstances(true)
                      : r.forAdHocSubProcess().activateElement("Task_Lookup").variables(Map.of("orderId", "o-9")))
                  .send()
                  .join();
            })
            .open());
    workers.add(
        client.newWorker()
            .jobType("lookup")
            .handler((jobClient, job) ->
                jobClient.newCompleteCommand(job).variables(Map.of("status", "found " + job.getVariablesAsMap().get("orderId"))).send().join())
            .open());

    long instance = client.newCreateInstanceCommand().bpmnProcessId("adhoc-job-worker").latestVersion().send().join().getProcessInstanceKey();

    await(() -> client.newProcessInstanceGetRequest(instance).send().join().getState(), s -> s == ProcessInstanceState.COMPLETED);
    assertThat(kinds).containsExactly(JobKind.AD_HOC_SUB_PROCESS, JobKind.AD_HOC_SUB_PROCESS);
  }

  @Test
  void theActivationCommandActivatesAnElementOfAnAdHocSubProcess() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/adhoc-active-elements.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("adhoc-active-elements").latestVersion()
            .variables(Map.of("toDo", List.of())).send().join().getProcessInstanceKey();
    long adHoc =
        await(
            () -> client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instance).elementId("Activity_AdHoc")).send().join().items(),
            items -> !items.isEmpty())
            .getFirst().getElementInstanceKey();

    client.newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc)).activateElement("Task_SearchWeb", Map.of("query", "q")).send().join();

    var jobs = client.newActivateJobsCommand().jobType("search-web").maxJobsToActivate(1).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.getFirst().getVariablesAsMap()).containsEntry("query", "q");
  }

  @Test
  void evaluatingConditionalsStartsTheProcessWhoseStartConditionHolds() {
    long definitionKey =
        client.newDeployResourceCommand().addResourceFromClasspath("bpmn/conditional-start.bpmn").send().join()
            .getProcesses().getFirst().getProcessDefinitionKey();

    EvaluateConditionalResponse response = client.newEvaluateConditionalCommand().variables(Map.of("amount", 500)).send().join();

    assertThat(response.getProcessInstances()).hasSize(1);
    assertThat(response.getProcessInstances().getFirst().getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(
            client.newEvaluateConditionalCommand().variables(Map.of("amount", 1)).processDefinitionKey(definitionKey).send().join()
                .getProcessInstances())
        .isEmpty();
  }
}
