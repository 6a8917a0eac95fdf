package org.camunda4j.engine.usertask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda4j.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User tasks and task listeners through the official Java client 8.9 over REST (issue 5, tests):
 * its workers complete listener jobs with {@code withResult(r -> r.forUserTask()...)}, and its
 * user-task commands wait for the listeners and see their denial.
 */
class OfficialClientUserTaskTest {

  private Engine engine;
  private CamundaClient client;
  private final List<JobWorker> workers = new ArrayList<>();

  @BeforeEach
  void connect() {
    engine = Engine.start();
    client =
        CamundaClient.newClientBuilder()
            .restAddress(engine.restAddress())
            .preferRestOverGrpc(true)
            .defaultJobWorkerStreamEnabled(false)
            .defaultJobPollInterval(Duration.ofMillis(50))
            .build();
  }

  @AfterEach
  void close() {
    workers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }

  @Test
  void anAssigningListenerCorrectsPriorityAndCandidateGroupsOfTheAssignment() {
    long instance = deployAndStart("task-listener-assigning", Map.of());
    CompletableFuture<ActivatedJob> seen = new CompletableFuture<>();
    workers.add(
        client
            .newWorker()
            .jobType("adjust-assignment")
            .handler(
                (jobClient, job) -> {
                  seen.complete(job);
                  jobClient
                      .newCompleteCommand(job)
                      .withResult(r -> r.forUserTask().correctPriority(80).correctCandidateGroups(List.of("senior-reviewers")))
                      .send()
                      .join();
                })
            .open());
    UserTask task = awaitCreatedTask(instance);

    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("carol").send().join();

    UserTask assigned = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(assigned.getAssignee()).isEqualTo("carol");
    assertThat(assigned.getPriority()).isEqualTo(80);
    assertThat(assigned.getCandidateGroups()).containsExactly("senior-reviewers");
    assertThat(assigned.getState()).isEqualTo(UserTaskState.CREATED);
    ActivatedJob listener = seen.join();
    assertThat(listener.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(listener.getUserTask().getUserTaskKey()).isEqualTo(task.getUserTaskKey());
    assertThat(listener.getUserTask().getAssignee()).isEqualTo("carol");
    assertThat(listener.getUserTask().getChangedAttributes()).containsExactly("assignee");
    assertThat(listener.getUserTask().getPriority()).isEqualTo(50);
    assertThat(listener.getUserTask().getCandidateGroups()).containsExactly("reviewers");
  }

  @Test
  void aCompletingListenerDeniesTheFirstCompletionAndTheSecondPasses() {
    long instance = deployAndStart("task-listener-completing-denial", Map.of());
    AtomicInteger calls = new AtomicInteger();
    workers.add(
        client
            .newWorker()
            .jobType("check-completion")
            .handler(
                (jobClient, job) -> {
                  boolean deny = calls.incrementAndGet() == 1;
                  jobClient.newCompleteCommand(job).withResult(r -> r.forUserTask().deny(deny, deny ? "missing signature" : null)).send().join();
                })
            .open());
    workers.add(client.newWorker().jobType("after-review").handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open());
    UserTask task = awaitCreatedTask(instance);

    Throwable denied =
        catchThrowable(() -> client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", false)).send().join());

    ProblemException problem = problemIn(denied);
    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
    assertThat(problem.details().getDetail())
        .isEqualTo(
            "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task with key '" + task.getUserTaskKey()
                + "' was denied by Task Listener. Reason to deny: 'missing signature'");
    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState()).isEqualTo(UserTaskState.CREATED);

    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send().join();

    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState()).isEqualTo(UserTaskState.COMPLETED);
    await(
        "the instance to complete",
        () -> client.newProcessInstanceGetRequest(instance).send().join().getState() == ProcessInstanceState.COMPLETED);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("approved")).send().join().items())
        .singleElement()
        .satisfies(v -> assertThat(v.getValue()).isEqualTo("true"));
  }

  @Test
  void theClientsUserTaskCommandsAndSearchWork() {
    long instance = deployAndStart("user-task-static-attributes", Map.of());
    long key = awaitCreatedTask(instance).getUserTaskKey();

    client.newAssignUserTaskCommand(key).assignee("dana").send().join();
    client.newUpdateUserTaskCommand(key).priority(15).candidateGroups(List.of("auditors")).clearFollowUpDate().send().join();
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.candidateGroup("auditors").assignee("dana")).send().join().items())
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.getUserTaskKey()).isEqualTo(key);
              assertThat(task.getPriority()).isEqualTo(15);
              assertThat(task.getFollowUpDate()).isNull();
              assertThat(task.getDueDate()).isNotNull();
              assertThat(task.getExternalFormReference()).isEqualTo("https://forms.example.com/review");
            });

    client.newUnassignUserTaskCommand(key).send().join();
    assertThat(client.newUserTaskGetRequest(key).send().join().getAssignee()).isNull();

    client.newCompleteUserTaskCommand(key).variables(Map.of("approved", true)).send().join();
    UserTask completed = client.newUserTaskGetRequest(key).send().join();
    assertThat(completed.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(completed.getCompletionDate()).isNotNull();
  }

  private long deployAndStart(String processId, Map<String, Object> variables) {
    client.newDeployResourceCommand().addResourceFromClasspath("usertask/" + processId + ".bpmn").send().join();
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send().join()
        .getProcessInstanceKey();
  }

  private UserTask awaitCreatedTask(long instance) {
    List<UserTask> found = new ArrayList<>();
    await(
        "a created user task in instance " + instance,
        () -> {
          found.clear();
          found.addAll(client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance).state(UserTaskState.CREATED)).send().join().items());
          return found.size() == 1;
        });
    return found.getFirst();
  }

  /** Search answers are eventually consistent by contract: poll with a generous bound. */
  private static void await(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited 20 s for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The client may wrap the problem; find it in the cause chain. */
  private static ProblemException problemIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem) {
        return problem;
      }
    }
    throw new AssertionError("no ProblemException in " + thrown, thrown);
  }
}
