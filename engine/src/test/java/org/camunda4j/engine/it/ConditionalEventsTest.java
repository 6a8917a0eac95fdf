package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conditional events: evaluated when their scope becomes active and again when a variable their
 * condition reads changes (intermediate catch, boundary interrupting and not, event sub-process start
 * interrupting and not, with a variable-event filter), and root-level conditional start events
 * through {@code POST /v2/conditionals/evaluation}.
 */
class ConditionalEventsTest extends EngineScenario {

  @Test
  void anIntermediateCatchEventWaitsUntilAVariableMakesItsConditionTrue() {
    http.deployOk(bpmn("conditional-intermediate-catch.bpmn"));
    String instance = http.createInstance("conditional-intermediate-catch", Map.of("stockReserved", false));
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");

    setVariables(instance, Map.of("stockReserved", true));

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anIntermediateCatchEventWhoseConditionAlreadyHoldsPassesAtOnce() {
    http.deployOk(bpmn("conditional-intermediate-catch.bpmn"));

    String instance = http.createInstance("conditional-intermediate-catch", Map.of("stockReserved", true));

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anInterruptingBoundaryEventEndsTheTaskWhenItsConditionBecomesTrue() {
    http.deployOk(bpmn("conditional-boundary.bpmn"));
    String instance = http.createInstance("conditional-boundary", Map.of("addressChanged", false, "reminders", 0));
    http.awaitJobExists("review");

    setVariables(instance, Map.of("addressChanged", true));

    http.completeNext("apply-changes", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("review")).as("the review was interrupted, its job canceled").isEmpty();
  }

  @Test
  void aBoundaryConditionThatHoldsWhenTheTaskIsEnteredTriggersAtOnce() {
    http.deployOk(bpmn("conditional-boundary.bpmn"));

    String instance = http.createInstance("conditional-boundary", Map.of("addressChanged", true, "reminders", 0));

    http.completeNext("apply-changes", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("review")).isEmpty();
  }

  @Test
  void aNonInterruptingBoundaryEventTriggersOnEachChangeOfAVariableItReadsWhileTheTaskGoesOn() {
    http.deployOk(bpmn("conditional-boundary.bpmn"));
    String instance = http.createInstance("conditional-boundary", Map.of("addressChanged", false, "reminders", 0));
    JsonNode review = http.activateOne("review");

    setVariables(instance, Map.of("reminders", 1));
    setVariables(instance, Map.of("unrelated", "x"));
    setVariables(instance, Map.of("reminders", 2));

    List<JsonNode> reminders = http.activateJobs("send-reminder", 10);
    http.awaitJobCount("send-reminder", 2);
    assertThat(http.search("jobs", Map.of("filter", Map.of("type", "send-reminder")))).as("one per change of 'reminders'").hasSize(2);
    for (JsonNode reminder : reminders) {
      http.completeJob(reminder.path("jobKey").asText(), Map.of());
    }
    for (JsonNode reminder : http.activateNow("send-reminder")) {
      http.completeJob(reminder.path("jobKey").asText(), Map.of());
    }
    http.completeJob(review.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anOutputOfTheCompletingTaskDoesNotTriggerItsBoundaryEvent() {
    http.deployOk(bpmn("conditional-boundary.bpmn"));
    String instance = http.createInstance("conditional-boundary", Map.of("addressChanged", false, "reminders", 0));

    http.completeNext("review", Map.of("addressChanged", true));

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("apply-changes")).isEmpty();
  }

  @Test
  void theVariablesOfAUserTaskCompletionOrAMessageDoNotTriggerTheirOwnTasksBoundaryEvents() {
    http.deployOk(bpmn("conditional-boundary-own-output.bpmn"));
    String instance = http.createInstance("conditional-boundary-own-output", Map.of("orderId", "o-1", "approved", false, "paid", false));
    JsonNode task = UserTaskTest.awaitTaskOf(http, instance);

    EngineHttp.Response completion =
        http.post("/user-tasks/" + UserTaskTest.key(task) + "/completion", Map.of("variables", Map.of("approved", true)));
    assertThat(completion.status()).as(completion.body()).isEqualTo(204);
    Eventually.get("the payment is awaited", () -> elementStates(instance), states -> "ACTIVE".equals(states.get("Task_ReceivePayment")));
    EngineHttp.Response published =
        http.post("/messages/publication", Map.of("name", "payment", "correlationKey", "o-1", "variables", Map.of("paid", true)));
    assertThat(published.status()).as(published.body()).isEqualTo(200);

    http.awaitInstanceState(instance, "COMPLETED");
    Map<String, String> states = elementStates(instance);
    assertThat(states).containsEntry("Task_Approve", "COMPLETED").containsEntry("Task_ReceivePayment", "COMPLETED")
        .containsEntry("EndEvent_Done", "COMPLETED");
    assertThat(states).as("neither boundary event reacted to its own task's output")
        .doesNotContainKeys("Event_Approved", "Event_Paid", "EndEvent_ApprovedElsewhere", "EndEvent_PaidElsewhere");
  }

  @Test
  void aConditionIncidentOnATaskIsResolvedWhenItsJobCompletesTheTask() {
    http.deployOk(bpmn("conditional-boundary-incident.bpmn"));
    String instance = http.createInstance("conditional-boundary-incident", Map.of("hold", "maybe"));
    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Task_Ship");

    http.completeNext("ship", Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
    JsonNode resolved = http.get("/incidents/" + incident.path("incidentKey").asText()).json();
    assertThat(resolved.path("state").asText()).as("its owner completed, the condition has nothing left to wait for").isEqualTo("RESOLVED");
    assertThat(http.search("incidents", Map.of("filter", Map.of("processInstanceKey", instance, "state", "ACTIVE")))).isEmpty();
  }

  @Test
  void anInterruptingEventSubProcessStartsWhenItsConditionBecomesTrue() {
    http.deployOk(bpmn("conditional-event-subprocess.bpmn"));
    String instance = http.createInstance("conditional-event-subprocess", Map.of("canceled", false));
    http.awaitJobExists("prepare");

    setVariables(instance, Map.of("canceled", true));

    http.completeNext("cancel-order", Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("prepare")).as("the main flow was interrupted").isEmpty();
  }

  @Test
  void aNonInterruptingEventSubProcessWithACreateFilterReactsToTheVariableBeingCreatedNotUpdated() {
    http.deployOk(bpmn("conditional-event-subprocess.bpmn"));
    String instance = http.createInstance("conditional-event-subprocess", Map.of("canceled", false));
    JsonNode prepare = http.activateOne("prepare");

    setVariables(instance, Map.of("note", "call first"));
    setVariables(instance, Map.of("note", "call twice"));

    http.completeNext("log-note", Map.of());
    assertThat(http.activateNow("log-note")).as("the update did not start it again").isEmpty();
    http.completeJob(prepare.path("jobKey").asText(), Map.of());
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aConditionThatGivesNoBooleanRaisesAnIncidentWhoseResolutionEvaluatesItAgain() {
    http.deployOk(bpmn("conditional-catch-value.bpmn"));
    String instance = http.createInstance("conditional-catch-value", Map.of("approval", "pending"));

    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Event_Approved");
    assertThat(incident.path("errorMessage").asText()).contains("approval").contains("BOOLEAN");

    setVariables(instance, Map.of("approval", true));
    assertThat(http.getInstance(instance).path("state").asText()).as("stuck until the incident is resolved").isEqualTo("ACTIVE");
    assertThat(http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of()).status()).isEqualTo(204);

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void evaluatingConditionalsStartsAnInstanceWhereTheStartConditionHolds() {
    JsonNode deployment = http.deployOk(bpmn("conditional-start.bpmn"));
    String definitionKey = deployment.path("deployments").get(0).path("processDefinition").path("processDefinitionKey").asText();

    EngineHttp.Response none = http.post("/conditionals/evaluation", Map.of("variables", Map.of("amount", 50)));
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().path("processInstances")).isEmpty();

    EngineHttp.Response started = http.post("/conditionals/evaluation", Map.of("variables", Map.of("amount", 150)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().path("conditionalEvaluationKey").asText()).isNotBlank();
    JsonNode reference = started.json().path("processInstances").get(0);
    assertThat(started.json().path("processInstances")).hasSize(1);
    assertThat(reference.path("processDefinitionKey").asText()).isEqualTo(definitionKey);

    JsonNode job = http.activateOne("check-large-order");
    assertThat(job.path("processInstanceKey").asText()).isEqualTo(reference.path("processInstanceKey").asText());
    assertThat(job.path("variables").path("amount").asInt()).as("the instance got the variables").isEqualTo(150);
  }

  @Test
  void evaluatingConditionalsOfAnUnknownDefinitionIsNotFound() {
    assertProblem(
        http.post("/conditionals/evaluation", Map.of("processDefinitionKey", "2251799813685249", "variables", Map.of("amount", 150))),
        404, "NOT_FOUND");
  }

  @Test
  void aConditionThatDoesNotParseIsRejectedAtDeployment() {
    String detail = assertProblem(http.deploy(bpmn("invalid/conditional-unparseable.bpmn")), 400, "INVALID_ARGUMENT");

    assertThat(detail).contains("Event_Broken").contains("condition");
  }

  /** The state of each element of an instance, by element id (the last instance of each). */
  private Map<String, String> elementStates(String instance) {
    Map<String, String> states = new java.util.HashMap<>();
    for (JsonNode element : http.elementInstancesOf(instance)) {
      states.put(element.path("elementId").asText(), element.path("state").asText());
    }
    return states;
  }

  private void setVariables(String scopeKey, Map<String, ?> variables) {
    EngineHttp.Response response = http.put("/element-instances/" + scopeKey + "/variables", Map.of("variables", variables));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }
}
