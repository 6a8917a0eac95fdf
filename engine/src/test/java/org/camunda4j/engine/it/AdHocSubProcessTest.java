package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc sub-processes: the elements the active elements collection names (only those without an
 * incoming flow can be named), the output collection, the completion condition with and without
 * cancelling what still runs, the activation call, and the job-worker form whose job results
 * activate elements and fulfil the completion condition.
 */
class AdHocSubProcessTest extends EngineScenario {

  @Test
  void theActiveElementsCollectionActivatesTheNamedElementsAndTheSubProcessCompletesWhenTheyHave() {
    http.deployOk(bpmn("adhoc-active-elements.bpmn"));
    String instance = http.createInstance("adhoc-active-elements", Map.of("toDo", List.of("Task_SearchWeb", "Task_AskExpert")));

    http.completeNext("search-web", Map.of("result", "web"));
    http.completeNext("ask-expert", Map.of("result", "expert"));
    assertThat(http.getInstance(instance).path("state").asText()).as("the summary follows the expert inside").isEqualTo("ACTIVE");
    http.completeNext("summarize", Map.of("result", "summary"));

    http.awaitInstanceState(instance, "COMPLETED");
    JsonNode results = http.variablesOfScope(instance).get("results");
    assertThat(results).as("one output per completed inner flow, propagated on completion").hasSize(2);
    assertThat(results.get(0).asText()).isEqualTo("web");
    assertThat(results.get(1).asText()).isEqualTo("summary");
    assertThat(http.variablesOfScope(instance)).as("what the inner flows wrote stayed in their inner instances").doesNotContainKey("result");
  }

  @Test
  void eachActivationRunsInAnInnerInstanceThatKeepsItsVariablesAndGivesTheOutputElement() {
    http.deployOk(bpmn("adhoc-tool-calls.bpmn"));
    String instance = http.createInstance("adhoc-tool-calls");
    complete(http.activateOne("agent"), Map.of("type", "adHocSubProcess", "activateElements", List.of(
        Map.of("elementId", "Task_Multiply", "variables", Map.of("toolCall", Map.of("id", "call-1", "a", 2, "b", 3))),
        Map.of("elementId", "Task_Multiply", "variables", Map.of("toolCall", Map.of("id", "call-2", "a", 4, "b", 5))))));

    List<JsonNode> calls = http.activateJobs("multiply", 2);
    assertThat(calls).hasSize(2);
    for (JsonNode call : calls) {
      JsonNode toolCall = call.path("variables").path("toolCall");
      http.completeJob(call.path("jobKey").asText(), Map.of("toolCallResult", toolCall.path("a").asInt() * toolCall.path("b").asInt()));
    }

    JsonNode agent = http.activateOne("agent");
    JsonNode results = agent.path("variables").path("toolCallResults");
    Map<String, Integer> byId = new java.util.HashMap<>();
    results.forEach(r -> byId.put(r.path("id").asText(), r.path("content").asInt()));
    assertThat(byId).as("each output element was evaluated in its own inner instance").containsExactlyInAnyOrderEntriesOf(Map.of("call-1", 6, "call-2", 20));
    assertThat(agent.path("variables").has("toolCallResult")).as("a tool's result stays in its inner instance").isFalse();
    assertThat(agent.path("variables").has("toolCall")).isFalse();

    List<JsonNode> inner = http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("type").asText().equals("AD_HOC_SUB_PROCESS_INNER_INSTANCE")).toList();
    assertThat(inner).hasSize(2).allSatisfy(e -> {
      assertThat(e.path("elementId").asText()).isEqualTo("Activity_AdHoc");
      assertThat(e.path("state").asText()).isEqualTo("COMPLETED");
    });
    Map<String, JsonNode> innerVariables = http.variablesOfScope(inner.getFirst().path("elementInstanceKey").asText());
    assertThat(innerVariables).containsKeys("toolCall", "toolCallResult");

    complete(agent, Map.of("type", "adHocSubProcess", "isCompletionConditionFulfilled", true));
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.variablesOfScope(instance)).containsKey("toolCallResults").doesNotContainKeys("toolCallResult", "toolCall");
  }

  @Test
  void resolvingACompletionConditionIncidentEvaluatesTheConditionAgainWithoutCollectingTheOutputTwice() {
    http.deployOk(bpmn("adhoc-completion-incident.bpmn"));
    String instance = http.createInstance("adhoc-completion-incident", Map.of("done", "not yet"));
    http.completeNext("check-stock", Map.of("result", "in stock"));
    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Activity_AdHoc");

    EngineHttp.Response update = http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("done", true)));
    assertThat(update.status()).as(update.body()).isEqualTo(204);
    EngineHttp.Response resolution = http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());
    assertThat(resolution.status()).as(resolution.body()).isEqualTo(204);

    http.awaitInstanceState(instance, "COMPLETED");
    JsonNode results = http.variablesOfScope(instance).get("results");
    assertThat(results).as("the one completed flow's output, once").hasSize(1);
    assertThat(results.get(0).asText()).isEqualTo("in stock");
  }

  @Test
  void theSubProcessKnowsItsActivatableElements() {
    http.deployOk(bpmn("adhoc-active-elements.bpmn"));
    String instance = http.createInstance("adhoc-active-elements", Map.of("toDo", List.of("Task_SearchWeb")));

    JsonNode job = http.activateOne("search-web");

    JsonNode elements = job.path("variables").path("adHocSubProcessElements");
    List<String> ids = new ArrayList<>();
    elements.forEach(e -> ids.add(e.path("elementId").asText()));
    assertThat(ids).containsExactly("Task_SearchWeb", "Task_AskExpert");
    assertThat(elements.get(0).path("elementName").asText()).isEqualTo("Search the web");
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void anActiveElementsCollectionNamingAnElementWithAnIncomingFlowRaisesAnIncident() {
    http.deployOk(bpmn("adhoc-active-elements.bpmn"));
    String instance = http.createInstance("adhoc-active-elements", Map.of("toDo", List.of("Task_Summarize")));

    JsonNode incident = http.awaitActiveIncident(instance);

    assertThat(incident.path("errorType").asText()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.path("elementId").asText()).isEqualTo("Activity_AdHoc");
    assertThat(incident.path("errorMessage").asText()).contains("Task_Summarize");
  }

  @Test
  void withNothingToActivateTheSubProcessWaitsForTheActivationCall() {
    http.deployOk(bpmn("adhoc-active-elements.bpmn"));
    String instance = http.createInstance("adhoc-active-elements", Map.of("toDo", List.of()));
    String adHocKey = adHocInstanceKey(instance);

    EngineHttp.Response unknown =
        http.post("/element-instances/ad-hoc-activities/" + adHocKey + "/activation", Map.of("elements", List.of(Map.of("elementId", "Task_Summarize"))));
    assertProblem(unknown, 400, "INVALID_ARGUMENT");
    EngineHttp.Response activated =
        http.post(
            "/element-instances/ad-hoc-activities/" + adHocKey + "/activation",
            Map.of("elements", List.of(Map.of("elementId", "Task_SearchWeb", "variables", Map.of("query", "camunda")))));
    assertThat(activated.status()).as(activated.body()).isEqualTo(204);

    JsonNode job = http.activateOne("search-web");
    assertThat(job.path("variables").path("query").asText()).isEqualTo("camunda");
    http.completeJob(job.path("jobKey").asText(), Map.of("result", "found"));
    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aFulfilledCompletionConditionCancelsWhatStillRuns() {
    http.deployOk(bpmn("adhoc-completion-cancel.bpmn"));
    String instance = http.createInstance("adhoc-completion-cancel");
    http.awaitJobExists("check-credit");

    http.completeNext("check-stock", Map.of("decided", true));

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("check-credit")).as("the credit check was canceled").isEmpty();
  }

  @Test
  void withoutCancelRemainingInstancesAFulfilledConditionWaitsForWhatStillRuns() {
    http.deployOk(bpmn("adhoc-completion-wait.bpmn"));
    String instance = http.createInstance("adhoc-completion-wait");
    JsonNode credit = http.activateOne("check-credit");

    http.completeNext("check-stock", Map.of("decided", true));
    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
    http.completeJob(credit.path("jobKey").asText(), Map.of());

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void anUnfulfilledCompletionConditionKeepsTheSubProcessActive() {
    http.deployOk(bpmn("adhoc-completion-wait.bpmn"));
    String instance = http.createInstance("adhoc-completion-wait");

    http.completeNext("check-stock", Map.of("decided", false));
    http.completeNext("check-credit", Map.of());

    assertThat(http.getInstance(instance).path("state").asText()).isEqualTo("ACTIVE");
    assertThat(elementState(instance, "Activity_AdHoc")).isEqualTo("ACTIVE");
  }

  @Test
  void aJobWorkerActivatesElementsWithVariablesGetsANewJobWhenOneCompletesAndCompletesTheSubProcess() {
    http.deployOk(bpmn("adhoc-job-worker.bpmn"));
    String instance = http.createInstance("adhoc-job-worker", Map.of("question", "where is my order?"));

    JsonNode agent = http.activateOne("agent");
    assertThat(agent.path("kind").asText()).isEqualTo("AD_HOC_SUB_PROCESS");
    assertThat(agent.path("variables").path("adHocSubProcessElements")).hasSize(2);
    complete(agent, Map.of("type", "adHocSubProcess", "activateElements", List.of(Map.of("elementId", "Task_Lookup", "variables", Map.of("orderId", "o-1")))));

    JsonNode lookup = http.activateOne("lookup");
    assertThat(lookup.path("variables").path("orderId").asText()).isEqualTo("o-1");
    http.completeJob(lookup.path("jobKey").asText(), Map.of("status", "shipped"));

    JsonNode next = http.activateOne("agent");
    assertThat(next.path("jobKey").asText()).isNotEqualTo(agent.path("jobKey").asText());
    assertThat(next.path("variables").has("status")).as("what an activated element writes stays in its inner instance").isFalse();
    assertThat(next.path("variables").path("findings").get(0).asText()).as("the output collection carries it").isEqualTo("shipped");
    complete(next, Map.of("type", "adHocSubProcess", "isCompletionConditionFulfilled", true));

    http.awaitInstanceState(instance, "COMPLETED");
  }

  @Test
  void aJobResultThatActivatesAnUnknownElementOrActivatesAndCompletesIsRejected() {
    http.deployOk(bpmn("adhoc-job-worker.bpmn"));
    http.createInstance("adhoc-job-worker");
    String jobKey = http.activateOne("agent").path("jobKey").asText();

    String detail =
        assertProblem(
            http.post("/jobs/" + jobKey + "/completion",
                Map.of("result", Map.of("type", "adHocSubProcess", "activateElements", List.of(Map.of("elementId", "Task_Nothing"))))),
            400, "INVALID_ARGUMENT");
    assertThat(detail).contains("Task_Nothing").contains("Activity_AdHoc");
    assertProblem(
        http.post("/jobs/" + jobKey + "/completion",
            Map.of("result", Map.of("type", "adHocSubProcess", "isCompletionConditionFulfilled", true,
                "activateElements", List.of(Map.of("elementId", "Task_Lookup"))))),
        400, "INVALID_ARGUMENT");

    assertThat(http.activateNow("lookup")).as("nothing was activated").isEmpty();
  }

  @Test
  void resolvingAConditionIncidentOfTheSubProcessBoundaryEventLeavesItsWorkerJobAlone() {
    http.deployOk(bpmn("adhoc-conditional-boundary.bpmn"));
    String instance = http.createInstance("adhoc-conditional-boundary", Map.of("abort", "soon"));
    JsonNode incident = http.awaitActiveIncident(instance);
    assertThat(incident.path("errorType").asText()).isEqualTo("CONDITION_ERROR");
    JsonNode agent = http.activateOne("agent");

    EngineHttp.Response update = http.put("/element-instances/" + instance + "/variables", Map.of("variables", Map.of("abort", false)));
    assertThat(update.status()).as(update.body()).isEqualTo(204);
    EngineHttp.Response resolution = http.post("/incidents/" + incident.path("incidentKey").asText() + "/resolution", Map.of());
    assertThat(resolution.status()).as(resolution.body()).isEqualTo(204);

    assertThat(http.activateNow("agent")).as("no inner flow completed: no new job").isEmpty();
    complete(agent, Map.of("type", "adHocSubProcess", "isCompletionConditionFulfilled", true));
    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elementState(instance, "EndEvent_1")).isEqualTo("COMPLETED");
  }

  @Test
  void anErrorThrownInsideAnInnerInstanceIsCaughtByTheSubProcessBoundaryEvent() {
    http.deployOk(bpmn("adhoc-events.bpmn"));
    String instance = http.createInstance("adhoc-events", Map.of("orderId", "o-1", "toDo", List.of("Task_Work")));
    JsonNode work = http.activateOne("work");

    EngineHttp.Response thrown = http.post("/jobs/" + work.path("jobKey").asText() + "/error", Map.of("errorCode", "failed"));
    assertThat(thrown.status()).as(thrown.body()).isEqualTo(204);

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(elementState(instance, "Activity_AdHoc")).isEqualTo("TERMINATED");
    assertThat(elementState(instance, "EndEvent_Failed")).isEqualTo("COMPLETED");
  }

  @Test
  void anEventSubProcessCompletingInsideTheSubProcessEvaluatesItsCompletionCondition() {
    http.deployOk(bpmn("adhoc-events.bpmn"));
    String instance = http.createInstance("adhoc-events", Map.of("orderId", "o-2", "toDo", List.of("Task_Work")));
    http.awaitJobExists("work");

    EngineHttp.Response published = http.post("/messages/publication", Map.of("name", "escalate", "correlationKey", "o-2"));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    http.completeNext("handle-escalation", Map.of("escalated", true));

    http.awaitInstanceState(instance, "COMPLETED");
    assertThat(http.activateNow("work")).as("the condition held: the running work was canceled").isEmpty();
    assertThat(elementState(instance, "EndEvent_1")).isEqualTo("COMPLETED");
  }

  @Test
  void anElementActivatedByModificationInsideTheSubProcessGetsAnInnerInstance() {
    http.deployOk(bpmn("adhoc-events.bpmn"));
    String instance = http.createInstance("adhoc-events", Map.of("orderId", "o-3", "toDo", List.of()));
    String adHocKey = adHocInstanceKey(instance);

    EngineHttp.Response modified =
        http.post("/process-instances/" + instance + "/modification", Map.of("activateInstructions", List.of(Map.of("elementId", "Task_Work"))));
    assertThat(modified.status()).as(modified.body()).isEqualTo(204);
    http.completeNext("work", Map.of("result", "done"));

    JsonNode results = Eventually.get("the output collected", () -> http.variablesOfScope(adHocKey).get("results"), r -> r != null && r.size() == 1);
    assertThat(results.get(0).asText()).isEqualTo("done");
    assertThat(http.variablesOfScope(instance)).as("the work's result stayed in its inner instance").doesNotContainKey("result");
    assertThat(http.elementInstancesOf(instance).stream().filter(e -> e.path("type").asText().equals("AD_HOC_SUB_PROCESS_INNER_INSTANCE")))
        .hasSize(1);
  }

  @Test
  void anAdHocResultOnAnotherJobIsRejected() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");

    assertProblem(
        http.post("/jobs/" + job.path("jobKey").asText() + "/completion", Map.of("result", Map.of("type", "adHocSubProcess"))),
        400, "INVALID_ARGUMENT");
  }

  private void complete(JsonNode job, Map<String, Object> result) {
    EngineHttp.Response response = http.post("/jobs/" + job.path("jobKey").asText() + "/completion", Map.of("result", result));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  private String adHocInstanceKey(String instance) {
    return http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("type").asText().equals("AD_HOC_SUB_PROCESS"))
        .findFirst().orElseThrow().path("elementInstanceKey").asText();
  }

  private String elementState(String instance, String elementId) {
    return http.elementInstancesOf(instance).stream()
        .filter(e -> e.path("elementId").asText().equals(elementId))
        .findFirst().orElseThrow().path("state").asText();
  }
}
