package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 with the official Java client: an assigning listener corrects the assignment, and a
 * completing listener denies a completion, which fails with 409 while the task stays open.
 */
class OfficialClientTaskListenersTest extends OfficialClientScenario {

  @Test
  void anAssigningListenerCorrectsPriorityAndCandidateGroups() {
    List<ActivatedJob> seenByListener = new CopyOnWriteArrayList<>();
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/task-listener-assigning-corrections.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand()
            .bpmnProcessId("task-listener-assigning-corrections")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    workers.add(
        client.newWorker()
            .jobType("adjust-assignment")
            .handler(
                (jobClient, job) -> {
                  seenByListener.add(job);
                  jobClient.newCompleteCommand(job)
                      .withResult(r -> r.forUserTask().correctPriority(80).correctCandidateGroups(List.of("senior-reviewers")))
                      .send()
                      .join();
                })
            .open());
    UserTask task = awaitTask(instance);

    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("carol").send().join();

    assertThat(seenByListener).hasSize(1);
    ActivatedJob listenerJob = seenByListener.getFirst();
    assertThat(listenerJob.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(listenerJob.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(listenerJob.getUserTask().getUserTaskKey()).isEqualTo(task.getUserTaskKey());
    assertThat(listenerJob.getUserTask().getAssignee()).isEqualTo("carol");
    assertThat(listenerJob.getUserTask().getCandidateGroups()).containsExactly("reviewers");

    UserTask assigned = client.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(assigned.getAssignee()).isEqualTo("carol");
    assertThat(assigned.getPriority()).isEqualTo(80);
    assertThat(assigned.getCandidateGroups()).containsExactly("senior-reviewers");
  }

  @Test
  void aCompletingListenerDeniesTheFirstCompletionAndAcceptsTheSecond() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/task-listener-completing-denial.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand()
            .bpmnProcessId("task-listener-completing-denial")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    AtomicInteger calls = new AtomicInteger();
    workers.add(
        client.newWorker()
            .jobType("check-completion")
            .handler(
                (jobClient, job) -> {
                  boolean deny = calls.incrementAndGet() == 1;
                  jobClient.newCompleteCommand(job)
                      .withResult(r -> r.forUserTask().deny(deny, deny ? "missing signature" : null))
                      .send()
                      .join();
                })
            .open());
    workers.add(
        client.newWorker().jobType("after-review").handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open());
    UserTask task = awaitTask(instance);

    Throwable denied = catchThrowable(() -> client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join());
    ProblemException problem = problemIn(denied);
    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
    assertThat(problem.details().getDetail()).contains("missing signature");
    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState()).isEqualTo(UserTaskState.CREATED);

    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();

    OfficialJavaClientTest.Eventually.get(
        "the task to be completed",
        () -> client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getState(),
        state -> state == UserTaskState.COMPLETED);
  }

  @Test
  void drivesAUserTaskThroughAssignUnassignUpdateAndComplete() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/user-task-basic.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("user-task-basic").latestVersion().send().join().getProcessInstanceKey();
    workers.add(
        client.newWorker().jobType("after-review").handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open());
    long taskKey = awaitTask(instance).getUserTaskKey();

    client.newAssignUserTaskCommand(taskKey).assignee("carol").send().join();
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getAssignee()).isEqualTo("carol");
    client.newUnassignUserTaskCommand(taskKey).send().join();
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getAssignee()).isNull();
    client.newUpdateUserTaskCommand(taskKey).priority(90).candidateGroups("managers").send().join();
    UserTask updated = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(updated.getPriority()).isEqualTo(90);
    assertThat(updated.getCandidateGroups()).containsExactly("managers");

    client.newCompleteUserTaskCommand(taskKey).variables(java.util.Map.of("approved", true)).send().join();

    OfficialJavaClientTest.Eventually.get(
        "the instance to complete",
        () -> client.newProcessInstanceGetRequest(instance).send().join().getState(),
        state -> state == io.camunda.client.api.search.enums.ProcessInstanceState.COMPLETED);
  }

  /** The client may wrap the problem; find it wherever it sits in the cause chain. */
  private static ProblemException problemIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem) {
        return problem;
      }
    }
    throw new AssertionError("expected a ProblemException, got " + thrown, thrown);
  }

  private UserTask awaitTask(long instance) {
    return OfficialJavaClientTest.Eventually.get(
            "a user task in " + instance,
            () -> client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(),
            items -> items.size() == 1 && items.getFirst().getState() == UserTaskState.CREATED)
        .getFirst();
  }
}
