package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The official Java client 8.9 (REST only, streaming off, no auth) runs unchanged against the
 * engine: deploy, create, workers that complete, fail and throw, retries, incidents, search,
 * topology and awaitCompletion (issue 2, item 9).
 */
class OfficialJavaClientTest extends OfficialClientScenario {

  @Test
  void deploysAModelerFileAndStartsInstancesOfIt() {
    DeploymentEvent deployment =
        client.newDeployResourceCommand().addResourceFromClasspath("bpmn/single-service-task.bpmn").send().join();

    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses()).hasSize(1);
    assertThat(deployment.getProcesses().getFirst().getBpmnProcessId()).isEqualTo("single-service-task");
    assertThat(deployment.getProcesses().getFirst().getVersion()).isEqualTo(1);

    ProcessInstanceEvent instance =
        client.newCreateInstanceCommand()
            .bpmnProcessId("single-service-task")
            .latestVersion()
            .variables(Map.of("orderId", "o-1"))
            .send()
            .join();

    assertThat(instance.getProcessInstanceKey()).isPositive();
    assertThat(instance.getBpmnProcessId()).isEqualTo("single-service-task");
    assertThat(instance.getVersion()).isEqualTo(1);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(deployment.getProcesses().getFirst().getProcessDefinitionKey());
  }

  @Test
  void aJobWorkerCompletesJobsWithVariablesAndTheInstancesFinish() {
    deploy("single-service-task.bpmn");
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(createInstance("single-service-task", Map.of("n", i)));
    }
    List<ActivatedJob> handled = new CopyOnWriteArrayList<>();

    open(
        client.newWorker()
            .jobType("work")
            .handler(
                (jobClient, job) -> {
                  handled.add(job);
                  jobClient.newCompleteCommand(job).variables(Map.of("handledBy", "official-client")).send().join();
                }));

    for (long instance : instances) {
      awaitInstanceState(instance, ProcessInstanceState.COMPLETED);
    }
    assertThat(handled).extracting(ActivatedJob::getProcessInstanceKey).containsExactlyInAnyOrderElementsOf(instances);
    assertThat(handled).allSatisfy(job -> assertThat(job.getVariablesAsMap()).containsKey("n"));
  }

  @Test
  void aHandlerThatThrowsFailsTheJobWithOneRetryLessUntilAnIncidentIsRaised() {
    deploy("single-service-task.bpmn");
    long instance = createInstance("single-service-task", Map.of());
    List<Integer> retriesSeen = new CopyOnWriteArrayList<>();

    open(
        client.newWorker()
            .jobType("work")
            .handler(
                (jobClient, job) -> {
                  retriesSeen.add(job.getRetries());
                  throw new IllegalStateException("payment service unavailable");
                }));

    Incident incident = awaitActiveIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).contains("payment service unavailable");
    assertThat(retriesSeen).containsExactly(3, 2, 1);
  }

  @Test
  void aWorkerFailsExplicitlyThenRetriesAreRaisedAndTheIncidentResolved() {
    deploy("single-service-task.bpmn");
    long instance = createInstance("single-service-task", Map.of());
    // One worker throughout: a closed worker's last long poll may still be parked and would take
    // the job back after the resolution, so the handler's mood is switched instead.
    AtomicBoolean backendDown = new AtomicBoolean(true);
    open(
        client.newWorker()
            .jobType("work")
            .handler(
                (jobClient, job) -> {
                  if (backendDown.get()) {
                    jobClient.newFailCommand(job).retries(job.getRetries() - 1).errorMessage("try again").send().join();
                  } else {
                    jobClient.newCompleteCommand(job).send().join();
                  }
                }));
    Incident incident = awaitActiveIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("try again");

    backendDown.set(false);
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    awaitInstanceState(instance, ProcessInstanceState.COMPLETED);
    assertThat(
            client.newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void aBpmnErrorNobodyCatchesBecomesAnUnhandledErrorIncident() {
    deploy("single-service-task.bpmn");
    long instance = createInstance("single-service-task", Map.of());

    open(
        client.newWorker()
            .jobType("work")
            .handler(
                (jobClient, job) ->
                    jobClient.newThrowErrorCommand(job).errorCode("CARD_DECLINED").errorMessage("declined").send().join()));

    Incident incident = awaitActiveIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("CARD_DECLINED");
  }

  @Test
  void aClientThatShutsDownWhileItsWorkerPollsDoesNotSwallowTheNextJob() throws Exception {
    deploy("single-service-task.bpmn");
    CamundaClient departing = OfficialClients.connectTo(engine);
    List<ActivatedJob> takenByTheDeparted = new CopyOnWriteArrayList<>();
    JobWorker doomed = departing.newWorker().jobType("work").handler((jobClient, job) -> takenByTheDeparted.add(job)).open();
    // Nothing on the wire says "the poll is parked"; give the worker a moment to send it.
    Thread.sleep(1_000);
    doomed.close();
    departing.close();

    long instance = createInstance("single-service-task", Map.of());
    open(client.newWorker().jobType("work").handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()));

    // The default job timeout is five minutes: completion within the 30 s bound means the job
    // was never handed to the closed connection.
    awaitInstanceState(instance, ProcessInstanceState.COMPLETED);
    assertThat(takenByTheDeparted).isEmpty();
  }

  @Test
  void activateAndCompleteByCommandsWithoutAWorker() {
    deploy("single-service-task.bpmn");
    long instance = createInstance("single-service-task", Map.of("a", 1, "b", 2));

    List<ActivatedJob> jobs =
        Eventually.get(
            "a job to activate",
            () ->
                client.newActivateJobsCommand()
                    .jobType("work")
                    .maxJobsToActivate(5)
                    .fetchVariables("a")
                    .send()
                    .join()
                    .getJobs(),
            found -> !found.isEmpty());

    assertThat(jobs).hasSize(1);
    ActivatedJob job = jobs.getFirst();
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(job.getVariablesAsMap()).containsOnlyKeys("a");
    assertThat(job.getTenantId()).isEqualTo("<default>");
    client.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
    awaitInstanceState(instance, ProcessInstanceState.COMPLETED);
  }

  @Test
  void searchesProcessInstancesByKeyAndState() {
    deploy("single-service-task.bpmn");
    long first = createInstance("single-service-task", Map.of());
    long second = createInstance("single-service-task", Map.of());

    List<ProcessInstance> found =
        client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(second)).send().join().items();

    assertThat(found).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(second);
    ProcessInstance instance = found.getFirst();
    assertThat(instance.getProcessDefinitionId()).isEqualTo("single-service-task");
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(instance.getHasIncident()).isFalse();
    assertThat(instance.getEndDate()).isNull();
    assertThat(
            client.newProcessInstanceSearchRequest()
                .filter(f -> f.state(ProcessInstanceState.ACTIVE).processDefinitionId("single-service-task"))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void readsTheTopology() {
    Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers()).hasSize(1);
    assertThat(topology.getBrokers().getFirst().getPartitions()).hasSize(1);
    assertThat(topology.getBrokers().getFirst().getPartitions().getFirst().getPartitionId()).isEqualTo(1);
    assertThat(topology.getBrokers().getFirst().getPartitions().getFirst().isLeader()).isTrue();
  }

  @Test
  void createWithResultWaitsForCompletionAndReturnsTheVariables() {
    deploy("single-service-task.bpmn");
    open(
        client.newWorker()
            .jobType("work")
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job).variables(Map.of("total", 42)).send().join()));

    ProcessInstanceResult result =
        client.newCreateInstanceCommand()
            .bpmnProcessId("single-service-task")
            .latestVersion()
            .variables(Map.of("orderId", "o-9"))
            .withResult()
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .join(30, TimeUnit.SECONDS);

    assertThat(result.getVariablesAsMap()).containsEntry("total", 42).containsEntry("orderId", "o-9");
    assertThat(result.getBpmnProcessId()).isEqualTo("single-service-task");
  }

  @Test
  void createWithResultAndFetchVariablesReturnsOnlyThose() {
    deploy("start-end.bpmn");

    ProcessInstanceResult result =
        client.newCreateInstanceCommand()
            .bpmnProcessId("start-end")
            .latestVersion()
            .variables(Map.of("a", 1, "b", 2))
            .withResult()
            .fetchVariables("a")
            .send()
            .join(30, TimeUnit.SECONDS);

    assertThat(result.getVariablesAsMap()).containsOnlyKeys("a");
  }

  @Test
  void setsVariablesReadsThemBackAndCancelsTheInstance() {
    deploy("single-service-task.bpmn");
    long instance = createInstance("single-service-task", Map.of("a", 1));

    client.newSetVariablesCommand(instance).variables(Map.of("a", 2, "note", "hello")).send().join();
    List<io.camunda.client.api.search.response.Variable> variables =
        client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items();
    assertThat(variables)
        .extracting(v -> v.getName() + "=" + v.getValue())
        .containsExactlyInAnyOrder("a=2", "note=\"hello\"");
    assertThat(client.newVariableGetRequest(variables.getFirst().getVariableKey()).send().join().getName())
        .isEqualTo(variables.getFirst().getName());

    client.newCancelInstanceCommand(instance).send().join();

    awaitInstanceState(instance, ProcessInstanceState.TERMINATED);
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getEndDate()).isNotNull();
  }

  @Test
  void readsAnIncidentByKey() {
    deploy("io-mapping-error.bpmn");
    long instance = createInstance("io-mapping-error", Map.of());
    Incident found = awaitActiveIncident(instance);

    Incident incident = client.newIncidentGetRequest(found.getIncidentKey()).send().join();

    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);
    assertThat(incident.getElementId()).isEqualTo("Task_NeedsOrder");
    assertThat(incident.getJobKey()).isNull();
  }

  @Test
  void aWorkerWithFewSlotsWorksThroughManyJobs() {
    deploy("single-service-task.bpmn");
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      instances.add(createInstance("single-service-task", Map.of("n", i)));
    }

    open(
        client.newWorker()
            .jobType("work")
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
            .maxJobsActive(3));

    OfficialJavaClientTest.Eventually.get(
        "all 20 instances to complete",
        () ->
            client.newProcessInstanceSearchRequest()
                .filter(f -> f.state(ProcessInstanceState.COMPLETED))
                .send()
                .join()
                .items()
                .size(),
        completed -> completed == instances.size());
  }

  @Test
  void createsInstancesOfAGivenVersionAndByDefinitionKey() {
    DeploymentEvent first =
        client.newDeployResourceCommand().addResourceFromClasspath("bpmn/start-end.bpmn").send().join();
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/start-end-renamed.bpmn").send().join();

    ProcessInstanceEvent byVersion =
        client.newCreateInstanceCommand().bpmnProcessId("start-end").version(1).send().join();
    ProcessInstanceEvent byKey =
        client.newCreateInstanceCommand()
            .processDefinitionKey(first.getProcesses().getFirst().getProcessDefinitionKey())
            .send()
            .join();
    ProcessInstanceEvent latest = client.newCreateInstanceCommand().bpmnProcessId("start-end").latestVersion().send().join();

    assertThat(byVersion.getVersion()).isEqualTo(1);
    assertThat(byKey.getVersion()).isEqualTo(1);
    assertThat(latest.getVersion()).isEqualTo(2);
  }

  @Test
  void aLongPollingActivationAnswersWhenTheJobIsCreated() throws Exception {
    deploy("single-service-task.bpmn");
    var pending =
        client.newActivateJobsCommand()
            .jobType("work")
            .maxJobsToActivate(1)
            .workerName("long-poller")
            .requestTimeout(Duration.ofSeconds(25))
            .send();

    long instance = createInstance("single-service-task", Map.of());

    List<ActivatedJob> jobs = pending.join(20, TimeUnit.SECONDS).getJobs();
    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(instance);
    assertThat(jobs.getFirst().getWorker()).isEqualTo("long-poller");
  }

  @Test
  void aFailureWithRetryBackoffWaitsForTheEngineClock() {
    Instant start = Instant.parse("2030-01-01T10:00:00Z");
    client.newPinClockCommand().time(start).send().join();
    deploy("single-service-task.bpmn");
    createInstance("single-service-task", Map.of());
    ActivatedJob job = activateOne();

    client.newFailCommand(job).retries(2).retryBackoff(Duration.ofMinutes(1)).errorMessage("later").send().join();

    assertThat(client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs())
        .isEmpty();
    client.newPinClockCommand().time(start.plus(Duration.ofMinutes(2))).send().join();
    ActivatedJob again = activateOne();
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    client.newResetClockCommand().send().join();
  }

  // ------------------------------------------------------------------ helpers

  private void deploy(String file) {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/" + file).send().join();
  }

  private long createInstance(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private JobWorker open(io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3 builder) {
    JobWorker worker = builder.open();
    workers.add(worker);
    return worker;
  }

  private ActivatedJob activateOne() {
    return Eventually.get(
            "a job of type work",
            () -> client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1).send().join().getJobs(),
            jobs -> jobs.size() == 1)
        .getFirst();
  }

  private void awaitInstanceState(long key, ProcessInstanceState state) {
    Eventually.get(
        "instance " + key + " " + state,
        () -> client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(key)).send().join().items(),
        items -> items.size() == 1 && items.getFirst().getState() == state);
  }

  private Incident awaitActiveIncident(long instance) {
    return Eventually.get(
            "an active incident on " + instance,
            () ->
                client.newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE))
                    .send()
                    .join()
                    .items(),
            items -> !items.isEmpty())
        .getFirst();
  }

  /** Polls until a condition holds (search is eventually consistent by contract). */
  static final class Eventually {
    static <T> T get(String what, Supplier<T> probe, Predicate<T> condition) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      T last;
      while (true) {
        last = probe.get();
        if (condition.test(last)) {
          return last;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Waited 30 s for " + what + "; last seen: " + last);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

}
