package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compensation as Camunda 8.9 runs it: a compensation throw or end event invokes the handlers of
 * the completed activities of its scope (and of completed sub-processes in it) at once, or of its
 * {@code activityRef} only, and waits until they completed. Active and terminated activities are
 * not compensated, a multi-instance activity once, an activity completed twice twice.
 */
class CompensationEventsTest extends EngineScenario {

  @Test
  void aCompensationThrowEventInvokesTheHandlerAndWaitsForItBeforeGoingOn() {
    http.deployOk(bpmn("compensation-throw-event.bpmn"));
    String instance = http.createInstance("compensation-throw-event");

    http.completeNext("book", Map.of("bookingId", "B-7"));

    JsonNode undo = http.activateOne("cancel-booking");
    assertThat(undo.path("variables").path("bookingId").asText()).as("the handler sees the scope's variables").isEqualTo("B-7");
    assertThat(http.activateNow("notify")).as("the throw event waits for its handler").isEmpty();
    assertThat(stateOf(instance, "Event_Compensate")).isEqualTo("ACTIVE");
    http.completeJob(undo.path("jobKey").asText(), Map.of());

    http.completeNext("notify", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(stateOf(instance, "Event_UndoBook")).as("the compensation boundary event, as in Camunda").isEqualTo("COMPLETED");
    assertThat(stateOf(instance, "Task_CancelBooking")).isEqualTo("COMPLETED");
    assertThat(stateOf(instance, "Event_Compensate")).isEqualTo("COMPLETED");
  }

  @Test
  void aCompensationEndEventInvokesEveryHandlerOfItsScopeAtOnceAndEndsWhenAllCompleted() {
    http.deployOk(bpmn("compensation-end-event.bpmn"));
    String instance = http.createInstance("compensation-end-event");
    http.completeNext("charge-card", Map.of());
    http.completeNext("reserve-stock", Map.of());

    JsonNode refund = http.activateOne("refund-card");
    JsonNode release = http.activateOne("release-stock");
    http.completeJob(refund.path("jobKey").asText(), Map.of());
    assertThat(http.getInstance(instance).path("state").asText()).as("one handler still runs").isEqualTo("ACTIVE");
    http.completeJob(release.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anActivityRefCompensatesOnlyThatActivitySoHandlersRunInTheModelledOrder() {
    http.deployOk(bpmn("compensation-activity-ref.bpmn"));
    String instance = http.createInstance("compensation-activity-ref");
    http.completeNext("pay", Map.of());
    http.completeNext("ship", Map.of());

    JsonNode recall = http.activateOne("recall-shipment");
    assertThat(http.activateNow("refund-payment")).as("the payment is compensated by the next throw event").isEmpty();
    http.completeJob(recall.path("jobKey").asText(), Map.of());
    http.completeNext("refund-payment", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(countOf(instance, "Task_RecallShipment")).as("each handler once").isEqualTo(1);
    assertThat(countOf(instance, "Task_RefundPayment")).isEqualTo(1);
  }

  @Test
  void aThrowEventInsideASubProcessCompensatesOnlyInsideItAndOneOutsideReachesTheCompletedSubProcess() {
    http.deployOk(bpmn("compensation-subprocess.bpmn"));
    String instance = http.createInstance("compensation-subprocess");
    http.completeNext("outer", Map.of());
    http.completeNext("early", Map.of());

    http.completeNext("undo-early", Map.of());
    assertThat(http.activateNow("undo-outer")).as("the inner throw event does not reach outside its sub-process").isEmpty();
    http.completeNext("late", Map.of());

    JsonNode undoOuter = http.activateOne("undo-outer");
    JsonNode undoLate = http.activateOne("undo-late");
    assertThat(http.activateNow("undo-early")).as("an activity is compensated once").isEmpty();
    http.completeJob(undoOuter.path("jobKey").asText(), Map.of());
    http.completeJob(undoLate.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(only(instance, "Task_UndoLate").path("flowScopeKey").asText())
        .as("a handler runs beside the throw event that invoked it, as in Camunda")
        .isEqualTo(only(instance, "Event_CompensateOuter").path("flowScopeKey").asText());
  }

  @Test
  void aMultiInstanceActivityIsCompensatedOnceAndEachCompletedActivityInsideAMultiInstanceSubProcessOnce() {
    http.deployOk(bpmn("compensation-multi-instance.bpmn"));
    String instance = http.createInstance("compensation-multi-instance", Map.of("items", List.of("a", "b", "c")));
    for (int i = 0; i < 3; i++) {
      http.completeNext("charge", Map.of());
    }
    for (int i = 0; i < 3; i++) {
      http.completeNext("reserve", Map.of());
    }

    // every handler is invoked by the one command that reached the end event
    List<JsonNode> refunds = http.activateJobs("refund-all", 10);
    List<JsonNode> releases = http.activateJobs("release", 10);
    assertThat(refunds).as("the handler of a multi-instance activity runs once").hasSize(1);
    assertThat(releases).as("one handler per completed inner activity").hasSize(3);
    http.completeJob(refunds.getFirst().path("jobKey").asText(), Map.of());
    for (JsonNode release : releases) {
      http.completeJob(release.path("jobKey").asText(), Map.of());
    }

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void activeActivitiesAndActivitiesOfATerminatedSubProcessAreNotCompensated() {
    http.deployOk(bpmn("compensation-not-completed.bpmn"));
    String instance = http.createInstance("compensation-not-completed");
    http.completeNext("prepare", Map.of());
    JsonNode risky = http.activateOne("risky");

    assertThat(http.post("/jobs/" + risky.path("jobKey").asText() + "/error", Map.of("errorCode", "RISK_FAILED")).status()).isEqualTo(204);

    assertThat(stateOf(instance, "Event_Compensate")).as("nothing to wait for").isEqualTo("COMPLETED");
    http.completeNext("slow", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("undo-slow")).as("it was active when compensation was thrown").isEmpty();
    assertThat(http.activateNow("undo-prepare")).as("its sub-process was terminated").isEmpty();
  }

  @Test
  void anErrorEventSubProcessCompensatesTheActivitiesOfItsOuterScope() {
    http.deployOk(bpmn("compensation-event-subprocess.bpmn"));
    String instance = http.createInstance("compensation-event-subprocess");
    http.completeNext("book", Map.of());
    JsonNode pay = http.activateOne("pay");

    assertThat(http.post("/jobs/" + pay.path("jobKey").asText() + "/error", Map.of("errorCode", "PAYMENT_FAILED")).status()).isEqualTo(204);
    http.completeNext("cancel-booking", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(stateOf(instance, "EndEvent_Compensate")).isEqualTo("COMPLETED");
  }

  @Test
  void anActivityCompletedTwiceIsCompensatedTwice() {
    http.deployOk(bpmn("compensation-loop.bpmn"));
    String instance = http.createInstance("compensation-loop");
    http.completeNext("try", Map.of("again", true));
    http.completeNext("try", Map.of("again", false));

    List<JsonNode> undos = http.activateJobs("undo-try", 10);
    assertThat(undos).hasSize(2);
    undos.forEach(undo -> http.completeJob(undo.path("jobKey").asText(), Map.of()));

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void handlersOfEveryKindRunAndTheEndEventWaitsForAllOfThem() {
    http.deployOk(bpmn("compensation-handler-kinds.bpmn"), bpmn("compensation-cancel-invoice.bpmn"));
    String instance = http.createInstance("compensation-handler-kinds");
    http.completeNext("reserve", Map.of());
    http.completeNext("charge", Map.of("chargeId", "C-1"));
    http.completeNext("ship", Map.of());
    http.completeNext("print-label", Map.of());
    http.completeNext("invoice", Map.of());

    JsonNode callCustomer = UserTaskTest.awaitTaskOf(http, instance);
    assertThat(callCustomer.path("elementId").asText()).isEqualTo("Task_CallCustomer");
    JsonNode recall = http.activateOne("recall");
    assertThat(recall.path("elementId").asText()).as("the sub-process handler runs its contents").isEqualTo("Task_Recall");
    JsonNode cancelInvoice = http.activateOne("cancel-invoice");
    assertThat(cancelInvoice.path("processInstanceKey").asText()).as("the call activity handler starts the called process").isNotEqualTo(instance);
    assertThat(stateOf(instance, "Task_RecordRefund")).as("the script task handler ran at once").isEqualTo("COMPLETED");
    assertThat(stateOf(instance, "Task_Shred")).as("the undefined task handler passed through").isEqualTo("COMPLETED");
    assertThat(http.variablesOfScope(instance).get("refund").asText()).isEqualTo("refunded C-1");

    EngineHttp.Response completion = http.post("/user-tasks/" + UserTaskTest.key(callCustomer) + "/completion", Map.of());
    assertThat(completion.status()).as(completion.body()).isEqualTo(204);
    http.completeJob(recall.path("jobKey").asText(), Map.of());
    assertThat(http.getInstance(instance).path("state").asText()).as("the called process still runs").isEqualTo("ACTIVE");
    assertThat(stateOf(instance, "EndEvent_Compensate")).isEqualTo("ACTIVE");
    http.completeJob(cancelInvoice.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    for (String handler : List.of("Task_CallCustomer", "Task_RecordRefund", "Sub_Recall", "Task_Shred", "Call_Cancel")) {
      assertThat(stateOf(instance, handler)).as(handler).isEqualTo("COMPLETED");
    }
  }

  @Test
  void aCompensationThrowEventThatDoesNotWaitIsRejectedAsCamundaDoes() {
    String detail = assertProblem(http.deploy(bpmn("invalid/compensation-without-waiting.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("waitForCompletion");
  }

  @Test
  void aCompensationEventSubProcessIsRejectedAsCamundaDoes() {
    String detail = assertProblem(http.deploy(bpmn("invalid/compensation-event-subprocess-start.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("StartEvent_Compensation");
  }

  @Test
  void aCompensationHandlerWithSequenceFlowsIsRejectedAsCamundaDoes() {
    String detail = assertProblem(http.deploy(bpmn("invalid/compensation-handler-with-flow.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Task_CancelBooking").contains("sequence flows");
  }

  private String stateOf(String instance, String elementId) {
    return only(instance, elementId).path("state").asText();
  }

  private JsonNode only(String instance, String elementId) {
    List<JsonNode> found = http.elementInstancesOf(instance).stream().filter(e -> e.path("elementId").asText().equals(elementId)).toList();
    assertThat(found).as("element instances of %s", elementId).hasSize(1);
    return found.getFirst();
  }

  private long countOf(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream().filter(e -> e.path("elementId").asText().equals(elementId)).count();
  }
}
