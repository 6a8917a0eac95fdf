package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BPMN errors (issue 4 §1): boundary, end and event sub-process catch events, matching rules. */
class ErrorEventsTest extends EngineScenario {

  @Test
  void anErrorThrownByAJobIsCaughtByTheMatchingBoundaryEventWhichTakesItsVariables() {
    http.deployOk(bpmn("error-boundary-on-task.bpmn"));
    String instance = http.createInstance("error-boundary-on-task");
    JsonNode charge = http.activateOne("charge");

    EngineHttp.Response thrown =
        http.post(
            "/jobs/" + charge.path("jobKey").asText() + "/error",
            Map.of("errorCode", "CARD_DECLINED", "errorMessage", "declined", "variables", Map.of("reason", "expired card")));

    assertThat(thrown.status()).isEqualTo(204);
    JsonNode notify = http.activateOne("notify-declined");
    assertThat(notify.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(notify.path("variables").path("declineReason").asText())
        .as("the boundary event's output mapping propagated the error variable")
        .isEqualTo("expired card");
    assertProblem(http.post("/jobs/" + charge.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
    assertThat(http.incidentsOf(instance)).isEmpty();
  }

  @Test
  void anErrorWithAnotherCodeIsNotCaughtAndRaisesAnIncident() {
    http.deployOk(bpmn("error-boundary-on-task.bpmn"));
    String instance = http.createInstance("error-boundary-on-task");
    JsonNode charge = http.activateOne("charge");

    http.post("/jobs/" + charge.path("jobKey").asText() + "/error", Map.of("errorCode", "SOMETHING_ELSE"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.path("errorMessage").asText()).contains("SOMETHING_ELSE");
    assertThat(http.activateNow("notify-declined")).isEmpty();
  }

  @Test
  void aCatchAllBoundaryEventCatchesAnyCode() {
    http.deployOk(bpmn("error-boundary-catch-all.bpmn"));
    String instance = http.createInstance("error-boundary-catch-all");
    JsonNode job = http.activateOne("risky");

    http.post("/jobs/" + job.path("jobKey").asText() + "/error", Map.of("errorCode", "ANY_CODE_AT_ALL"));

    assertThat(http.activateOne("handle-any-error").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void aSpecificCodeIsPreferredOverTheCatchAllInTheSameScope() {
    http.deployOk(bpmn("error-specific-before-catch-all.bpmn"));
    http.createInstance("error-specific-before-catch-all");
    JsonNode job = http.activateOne("risky");

    http.post("/jobs/" + job.path("jobKey").asText() + "/error", Map.of("errorCode", "SPECIFIC"));

    http.activateOne("handle-specific");
    assertThat(http.activateNow("handle-other")).isEmpty();
  }

  @Test
  void anyOtherCodeFallsToTheCatchAll() {
    http.deployOk(bpmn("error-specific-before-catch-all.bpmn"));
    http.createInstance("error-specific-before-catch-all");
    JsonNode job = http.activateOne("risky");

    http.post("/jobs/" + job.path("jobKey").asText() + "/error", Map.of("errorCode", "OTHER"));

    http.activateOne("handle-other");
    assertThat(http.activateNow("handle-specific")).isEmpty();
  }

  @Test
  void anErrorFromInsideASubProcessIsCaughtOnTheSubProcessBoundary() {
    http.deployOk(bpmn("error-boundary-on-subprocess.bpmn"));
    String instance = http.createInstance("error-boundary-on-subprocess");
    JsonNode inner = http.activateOne("inner-charge");

    http.post("/jobs/" + inner.path("jobKey").asText() + "/error", Map.of("errorCode", "SUB_FAILED"));

    JsonNode compensate = http.activateOne("compensate");
    assertThat(compensate.path("processInstanceKey").asText()).isEqualTo(instance);
    http.completeJob(compensate.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anErrorEndEventIsCaughtByTheEnclosingBoundary() {
    http.deployOk(bpmn("error-end-event.bpmn"));
    String instance = http.createInstance("error-end-event");

    assertThat(http.activateOne("handle-rejection").path("processInstanceKey").asText()).isEqualTo(instance);
  }

  @Test
  void anErrorEventSubProcessCatchesAnErrorFromTheProcessAndInterruptsIt() {
    http.deployOk(bpmn("error-event-subprocess.bpmn"));
    String instance = http.createInstance("error-event-subprocess");
    JsonNode work = http.activateOne("process-order");

    http.post("/jobs/" + work.path("jobKey").asText() + "/error", Map.of("errorCode", "ORDER_FAILED"));

    JsonNode handle = http.activateOne("handle-order-failure");
    assertProblem(http.post("/jobs/" + work.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
    http.completeJob(handle.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anErrorFromInsideASubProcessWalksOutToTheProcessLevelEventSubProcess() {
    http.deployOk(bpmn("error-event-subprocess-catches-from-nested-scope.bpmn"));
    String instance = http.createInstance("error-event-subprocess-catches-from-nested-scope");
    JsonNode inner = http.activateOne("inner-risky");

    http.post("/jobs/" + inner.path("jobKey").asText() + "/error", Map.of("errorCode", "DEEP_FAILURE"));

    http.completeNext("handle-deep", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertProblem(http.post("/jobs/" + inner.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void theInnermostScopeCatchesFirstEvenWithACatchAll() {
    http.deployOk(bpmn("error-inner-catch-all-before-outer-specific.bpmn"));
    http.createInstance("error-inner-catch-all-before-outer-specific");
    JsonNode inner = http.activateOne("inner-risky");

    http.post("/jobs/" + inner.path("jobKey").asText() + "/error", Map.of("errorCode", "SPECIFIC"));

    http.activateOne("handle-inner");
    assertThat(http.activateNow("handle-outer")).isEmpty();
  }

  @Test
  void resolvingAnUnhandledErrorMakesTheJobActivatableAgain() {
    http.deployOk(bpmn("error-boundary-on-task.bpmn"));
    String instance = http.createInstance("error-boundary-on-task");
    JsonNode charge = http.activateOne("charge");
    http.post("/jobs/" + charge.path("jobKey").asText() + "/error", Map.of("errorCode", "NOT_MODELLED"));
    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status())
        .isEqualTo(204);

    assertThat(http.activateOne("charge").path("jobKey").asText()).isEqualTo(charge.path("jobKey").asText());
  }

  @Test
  void twoCatchEventsForTheSameCodeInOneScopeAreRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("invalid/error-duplicate-code-in-scope.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).containsAnyOf("Boundary_First", "Boundary_Second", "DECLINED");
  }

  @Test
  void aNonInterruptingErrorBoundaryEventIsRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("invalid/error-boundary-non-interrupting.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Boundary_Soft");
  }

  @Test
  void twoCatchAllEventsInOneScopeAreRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("error-ambiguous-catch-all.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).containsAnyOf("Boundary_First", "Boundary_Second", "Task_Risky");
  }
}
