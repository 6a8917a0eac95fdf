package org.camunda4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda4j.sdk.testing.Await;
import org.camunda4j.sdk.testing.EngineFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client operations a worker and its tests need, against the in-process engine. */
class ClientOperationsTest {

  @TempDir
  Path files;

  private static ActivatedJob activateOne(CamundaClient client, String type) {
    return Await.value("a job of type " + type, Await.DEFAULT, () -> client
        .activateJobs(new JobActivationRequest(type, 1, Duration.ofSeconds(30), "ops-test", null,
            Duration.ofSeconds(2), null))
        .stream().findFirst());
  }

  @Test
  void deployFromAFileStartSearchAndCancelAnInstance() throws Exception {
    Path bpmn = files.resolve("work.bpmn");
    try (var in = getClass().getResourceAsStream("/bpmn/work.bpmn")) {
      Files.write(bpmn, in.readAllBytes());
    }
    try (EngineFixture fixture = EngineFixture.start()) {
      CamundaClient client = fixture.client;

      DeploymentResult deployment = client.deployResources(bpmn);
      long key = client.createProcessInstance(ProcessInstanceCreationRequest.ofProcessId("work")
          .withVariables(Map.of("orderId", "o-1"))).processInstanceKey();

      assertThat(deployment.process("work")).hasValueSatisfying(p -> assertThat(p.resourceName()).isEqualTo("work.bpmn"));
      SearchResult<ProcessInstance> found = Await.value("the instance in search", Await.DEFAULT, () -> {
        SearchResult<ProcessInstance> result = client.searchProcessInstances(
            SearchRequest.filter(Map.of("processDefinitionId", "work")));
        return result.items().isEmpty() ? Optional.empty() : Optional.of(result);
      });
      assertThat(found.items()).singleElement().satisfies(i -> assertThat(i.processInstanceKey()).isEqualTo(key));
      assertThat(found.page().totalItems()).isEqualTo(1);

      client.cancelProcessInstance(key);

      assertThat(client.getProcessInstance(key).state()).isEqualTo("TERMINATED");
    }
  }

  @Test
  void rawJobCommands() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/two-steps.bpmn")) {
      CamundaClient client = fixture.client;
      long key = fixture.start("two-steps", Map.of());

      ActivatedJob first = activateOne(client, "first-step");
      client.failJob(first.jobKey(), JobFailRequest.of("no retries left", 0));
      Incident incident = Await.value("the incident", Await.DEFAULT, () -> client
          .searchIncidents(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(key))))
          .items().stream().filter(i -> "ACTIVE".equals(i.state())).findFirst());
      assertThat(incident.jobKey()).isEqualTo(first.jobKey());

      client.updateJob(first.jobKey(), JobUpdateRequest.retries(1));
      client.resolveIncident(incident.incidentKey());
      ActivatedJob again = activateOne(client, "first-step");
      assertThat(again.jobKey()).isEqualTo(first.jobKey());
      assertThat(again.retries()).isEqualTo(1);
      client.completeJob(again.jobKey(), Map.of("firstDone", true));

      ActivatedJob second = activateOne(client, "second-step");
      assertThat(second.variables()).containsEntry("firstDone", true);
      client.completeJob(second.jobKey(), JobCompletionRequest.empty());

      fixture.awaitCompleted(key);
      assertThatThrownBy(() -> client.completeJob(second.jobKey(), JobCompletionRequest.empty()))
          .isInstanceOfSatisfying(CamundaApiException.class, e -> assertThat(e.isNotFound()).isTrue());
    }
  }

  @Test
  void correlateAMessageToAWaitingInstance() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/order-fulfilment.bpmn")) {
      fixture.client.createJobWorker(WorkerConfig.of("process-order").withJobTimeout(Duration.ofSeconds(30)),
          (SyncJobContext job) -> null);
      long key = fixture.start("order-fulfilment", Map.of("orderId", "o-5"));

      MessageCorrelationResult result = Await.value("the subscription to open", Await.DEFAULT, () -> {
        try {
          return Optional.of(fixture.client.correlateMessage(
              MessageCorrelationRequest.of("order-processed", "o-5").withVariables(Map.of("status", "late"))));
        } catch (CamundaApiException e) {
          if (e.isNotFound()) {
            return Optional.empty();
          }
          throw e;
        }
      });

      assertThat(result.processInstanceKey()).isEqualTo(key);
      fixture.awaitCompleted(key);
    }
  }

  @Test
  void userTaskOperations() {
    try (EngineFixture fixture = EngineFixture.start().deploy("bpmn/task-denial.bpmn")) {
      CamundaClient client = fixture.client;
      client.createJobWorker(WorkerConfig.of("review-task").withJobTimeout(Duration.ofSeconds(30)),
          (SyncJobContext job) -> null);
      long key = fixture.start("task-denial", Map.of());
      UserTask task = Await.value("the user task", Await.DEFAULT, () -> client
          .searchUserTasks(SearchRequest.filter(Map.of("processInstanceKey", String.valueOf(key))))
          .items().stream().findFirst());

      client.assignUserTask(task.userTaskKey(), "ada");
      assertThat(client.getUserTask(task.userTaskKey()).assignee()).isEqualTo("ada");
      client.unassignUserTask(task.userTaskKey());
      assertThat(client.getUserTask(task.userTaskKey()).assignee()).isNull();
      client.updateUserTask(task.userTaskKey(), UserTaskUpdate.none().withPriority(90)
          .withCandidateGroups(List.of("auditors")));
      UserTask updated = client.getUserTask(task.userTaskKey());
      assertThat(updated.priority()).isEqualTo(90);
      assertThat(updated.candidateGroups()).containsExactly("auditors");
      client.completeUserTask(task.userTaskKey(), Map.of("approved", true));

      fixture.awaitCompleted(key);
    }
  }

  @Test
  void topologyOfTheEngine() {
    try (EngineFixture fixture = EngineFixture.start()) {
      Topology topology = fixture.client.topology();

      assertThat(topology.brokers()).isNotEmpty();
      assertThat(topology.partitionsCount()).isPositive();
    }
  }

  @Test
  void aMissingClasspathResourceIsAClearError() {
    try (EngineFixture fixture = EngineFixture.start()) {
      assertThatThrownBy(() -> fixture.client.deployResourcesFromClasspath("bpmn/nope.bpmn"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no classpath resource 'bpmn/nope.bpmn'");
    }
  }
}
