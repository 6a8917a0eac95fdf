package org.camunda4j.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 with the official Java client: a BPMN error thrown by a worker is caught by a boundary
 * event, a message published before anyone waits (the client's default TTL is one hour) is
 * received by an instance created later, and messages, signals and the clock answer the client's
 * commands as it expects.
 */
class OfficialClientErrorsAndMessagesTest extends OfficialClientScenario {

  @Test
  void aBpmnErrorThrownByAWorkerIsCaughtByTheBoundaryEvent() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/error-boundary-on-task.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("error-boundary-on-task").latestVersion().send().join().getProcessInstanceKey();
    List<ActivatedJob> notified = new CopyOnWriteArrayList<>();

    workers.add(
        client.newWorker()
            .jobType("charge")
            .handler(
                (jobClient, job) ->
                    jobClient.newThrowErrorCommand(job)
                        .errorCode("CARD_DECLINED")
                        .errorMessage("card expired")
                        .variables(Map.of("reason", "expired card"))
                        .send()
                        .join())
            .open());
    workers.add(
        client.newWorker()
            .jobType("notify-declined")
            .handler(
                (jobClient, job) -> {
                  notified.add(job);
                  jobClient.newCompleteCommand(job).send().join();
                })
            .open());

    awaitCompleted(instance);
    assertThat(notified).hasSize(1);
    assertThat(notified.getFirst().getVariablesAsMap()).containsEntry("declineReason", "expired card");
  }

  @Test
  void aMessagePublishedBeforeTheInstanceExistsIsReceivedWhenItArrives() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/message-intermediate-catch.bpmn").send().join();
    PublishMessageResponse published =
        client.newPublishMessageCommand()
            .messageName("payment-received")
            .correlationKey("order-77")
            .variables(Map.of("paidAmount", 120))
            .send()
            .join();
    assertThat(published.getMessageKey()).isPositive();
    List<ActivatedJob> shipped = new CopyOnWriteArrayList<>();
    workers.add(
        client.newWorker()
            .jobType("ship-order")
            .handler(
                (jobClient, job) -> {
                  shipped.add(job);
                  jobClient.newCompleteCommand(job).send().join();
                })
            .open());

    long instance =
        client.newCreateInstanceCommand()
            .bpmnProcessId("message-intermediate-catch")
            .latestVersion()
            .variables(Map.of("orderId", "order-77"))
            .send()
            .join()
            .getProcessInstanceKey();

    awaitCompleted(instance);
    assertThat(shipped).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(instance);
    assertThat(shipped.getFirst().getVariablesAsMap()).containsEntry("paidAmount", 120);
  }

  @Test
  void aDuplicateMessageIdIsAProblemWithStatus409() {
    client.newPublishMessageCommand().messageName("payment-received").correlationKey("k").messageId("m-1").send().join();

    Throwable thrown =
        catchThrowable(
            () -> client.newPublishMessageCommand().messageName("payment-received").correlationKey("k").messageId("m-1").send().join());

    ProblemException problem = problemIn(thrown);
    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("ALREADY_EXISTS");
  }

  @Test
  void correlatingReturnsTheInstanceOrA404Problem() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/message-start-event.bpmn").send().join();

    CorrelateMessageResponse started =
        client.newCorrelateMessageCommand().messageName("order-placed").correlationKey("c-1").send().join();
    Throwable nobody =
        catchThrowable(() -> client.newCorrelateMessageCommand().messageName("nobody-waits").correlationKey("c-2").send().join());

    assertThat(started.getProcessInstanceKey()).isPositive();
    assertThat(problemIn(nobody).code()).isEqualTo(404);
  }

  @Test
  void aBroadcastSignalStartsAnInstance() {
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/signal-start-event.bpmn").send().join();
    List<ActivatedJob> handled = new CopyOnWriteArrayList<>();
    workers.add(
        client.newWorker()
            .jobType("handle-alert")
            .handler(
                (jobClient, job) -> {
                  handled.add(job);
                  jobClient.newCompleteCommand(job).send().join();
                })
            .open());

    BroadcastSignalResponse response =
        client.newBroadcastSignalCommand().signalName("system-alert").variables(Map.of("severity", "high")).send().join();

    assertThat(response.getKey()).isPositive();
    OfficialJavaClientTest.Eventually.get("the alert to be handled", () -> handled, list -> list.size() == 1);
    assertThat(handled.getFirst().getVariablesAsMap()).containsEntry("severity", "high");
  }

  @Test
  void aTimerFiresWhenTheClockIsPinnedLaterThroughTheClient() {
    Instant start = Instant.parse("2030-01-01T10:00:00Z");
    client.newPinClockCommand().time(start).send().join();
    client.newDeployResourceCommand().addResourceFromClasspath("bpmn/timer-intermediate-catch.bpmn").send().join();
    long instance =
        client.newCreateInstanceCommand().bpmnProcessId("timer-intermediate-catch").latestVersion().send().join().getProcessInstanceKey();
    workers.add(
        client.newWorker().jobType("after-wait").handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join()).open());

    client.newPinClockCommand().time(start.plus(Duration.ofMinutes(11))).send().join();

    awaitCompleted(instance);
    client.newResetClockCommand().send().join();
  }

  /** The client may wrap the problem; find it wherever it sits in the cause chain. */
  static ProblemException problemIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem) {
        return problem;
      }
    }
    throw new AssertionError("expected a ProblemException, got " + thrown, thrown);
  }

  private void awaitCompleted(long instance) {
    OfficialJavaClientTest.Eventually.get(
        "instance " + instance + " COMPLETED",
        () -> client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items(),
        items -> items.size() == 1 && items.getFirst().getState() == ProcessInstanceState.COMPLETED);
  }
}
