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
    assertThat(next.path("variables").path("status").asText()).isEqualTo("shipped");
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
