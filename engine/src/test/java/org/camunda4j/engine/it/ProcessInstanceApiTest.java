package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda4j.engine.it.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** POST/GET /v2/process-instances, cancellation and search, in the 8.9 shapes. */
class ProcessInstanceApiTest extends EngineScenario {

  /** Every member of an 8.9 ProcessInstanceResult, nullable ones included. */
  static final Set<String> PROCESS_INSTANCE_FIELDS =
      Set.of(
          "processDefinitionId",
          "processDefinitionName",
          "processDefinitionVersion",
          "processDefinitionVersionTag",
          "startDate",
          "endDate",
          "state",
          "hasIncident",
          "tenantId",
          "processInstanceKey",
          "processDefinitionKey",
          "parentProcessInstanceKey",
          "parentElementInstanceKey",
          "rootProcessInstanceKey",
          "businessId");

  @Test
  void creatingByIdAnswersWithTheInstanceAndTheDefinitionItRuns() {
    JsonNode deployment = http.deployOk(bpmn("single-service-task.bpmn"));
    JsonNode definition = deployment.path("deployments").get(0).path("processDefinition");

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionId", "single-service-task", "variables", Map.of("x", 1)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode created = response.json();
    Keys.assertKey(created.path("processInstanceKey"));
    assertThat(created.path("processDefinitionId").asText()).isEqualTo("single-service-task");
    assertThat(created.path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(created.path("processDefinitionKey").asText()).isEqualTo(definition.path("processDefinitionKey").asText());
    assertThat(created.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(created.path("variables").isObject()).as("variables is required, {} without awaitCompletion").isTrue();
    assertThat(created.has("businessId")).as("8.9 businessId present").isTrue();
    assertThat(http.activateOne("work").path("variables").path("x").asInt()).isEqualTo(1);
  }

  @Test
  void creatingByIdAndVersionRunsThatVersion() {
    JsonNode v1 = http.deployOk(bpmn("start-end.bpmn")).path("deployments").get(0).path("processDefinition");
    http.deployOk(bpmn("start-end-renamed.bpmn"));

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionId", "start-end", "processDefinitionVersion", 1));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(response.json().path("processDefinitionKey").asText()).isEqualTo(v1.path("processDefinitionKey").asText());
  }

  @Test
  void versionMinusOneMeansTheLatest() {
    http.deployOk(bpmn("start-end.bpmn"));
    http.deployOk(bpmn("start-end-renamed.bpmn"));

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionId", "start-end", "processDefinitionVersion", -1));

    assertThat(response.json().path("processDefinitionVersion").asInt()).isEqualTo(2);
  }

  @Test
  void aVersionThatDoesNotExistIsRejectedNamingIt() {
    http.deployOk(bpmn("start-end.bpmn"));

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionId", "start-end", "processDefinitionVersion", 7));

    assertThat(response.status()).isIn(400, 404);
    String detail = assertProblem(response, response.status(), response.status() == 400 ? "INVALID_ARGUMENT" : "NOT_FOUND");
    assertThat(detail).contains("start-end").contains("7");
  }

  @Test
  void creatingByKeyRunsThatDefinition() {
    JsonNode v1 = http.deployOk(bpmn("start-end.bpmn")).path("deployments").get(0).path("processDefinition");
    http.deployOk(bpmn("start-end-renamed.bpmn"));

    EngineHttp.Response response =
        http.post("/process-instances", Map.of("processDefinitionKey", v1.path("processDefinitionKey").asText()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("processDefinitionId").asText()).isEqualTo("start-end");
    assertThat(response.json().path("processDefinitionVersion").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownProcessIdIsRejectedNamingIt() {
    EngineHttp.Response response = http.post("/process-instances", Map.of("processDefinitionId", "never-deployed"));

    assertThat(response.status()).isIn(400, 404);
    String detail = assertProblem(response, response.status(), response.status() == 400 ? "INVALID_ARGUMENT" : "NOT_FOUND");
    assertThat(detail).contains("never-deployed");
  }

  @Test
  void anUnknownProcessDefinitionKeyIsRejectedNamingIt() {
    EngineHttp.Response response = http.post("/process-instances", Map.of("processDefinitionKey", "2251799813685999"));

    assertThat(response.status()).isIn(400, 404);
    String detail = assertProblem(response, response.status(), response.status() == 400 ? "INVALID_ARGUMENT" : "NOT_FOUND");
    assertThat(detail).contains("2251799813685999");
  }

  @Test
  void neitherIdNorKeyIsRejected() {
    String detail = assertProblem(http.post("/process-instances", Map.of("variables", Map.of())), 400, "INVALID_ARGUMENT");
    assertThat(detail).contains("processDefinitionId").contains("processDefinitionKey");
  }

  @Test
  void awaitCompletionAnswersWithTheFinalRootVariables() {
    http.deployOk(bpmn("start-end.bpmn"));

    EngineHttp.Response response =
        http.post(
            "/process-instances",
            Map.of("processDefinitionId", "start-end", "awaitCompletion", true, "variables", Map.of("a", 1, "b", "two")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("variables").path("a").asInt()).isEqualTo(1);
    assertThat(response.json().path("variables").path("b").asText()).isEqualTo("two");
  }

  @Test
  void awaitCompletionWithFetchVariablesAnswersWithOnlyThose() {
    http.deployOk(bpmn("start-end.bpmn"));

    EngineHttp.Response response =
        http.post(
            "/process-instances",
            Map.of(
                "processDefinitionId", "start-end",
                "awaitCompletion", true,
                "fetchVariables", List.of("a"),
                "variables", Map.of("a", 1, "b", "two")));

    assertThat(response.status()).isEqualTo(200);
    JsonNode variables = response.json().path("variables");
    assertThat(variables.path("a").asInt()).isEqualTo(1);
    assertThat(variables.has("b")).isFalse();
  }

  @Test
  void awaitCompletionWaitsForTheWorkToFinish() throws Exception {
    http.deployOk(bpmn("single-service-task.bpmn"));
    var pending =
        CompletableFuture.supplyAsync(
            () ->
                http.post(
                    "/process-instances",
                    Map.of("processDefinitionId", "single-service-task", "awaitCompletion", true, "requestTimeout", 30_000)));

    http.completeNext("work", Map.of("result", "done"));

    EngineHttp.Response response = pending.get(25, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("variables").path("result").asText()).isEqualTo("done");
  }

  @Test
  void awaitCompletionThatRunsOutOfTimeAnswers504DeadlineExceeded() {
    http.deployOk(bpmn("single-service-task.bpmn"));

    EngineHttp.Response response =
        http.post(
            "/process-instances",
            Map.of("processDefinitionId", "single-service-task", "awaitCompletion", true, "requestTimeout", 500));

    assertProblem(response, 504, "DEADLINE_EXCEEDED");
  }

  @Test
  void cancellingTerminatesTheInstanceAndItsJobs() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");
    JsonNode job = http.activateOne("work");

    EngineHttp.Response response = http.post("/process-instances/" + instance + "/cancellation", Map.of());

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    JsonNode terminated = http.awaitInstanceState(instance, "TERMINATED");
    assertThat(terminated.path("endDate").isTextual()).isTrue();
    assertProblem(http.post("/jobs/" + job.path("jobKey").asText() + "/completion", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void cancellationAcceptsARequestWithoutBody() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String instance = http.createInstance("single-service-task");

    assertThat(http.postWithoutBody("/process-instances/" + instance + "/cancellation").status()).isEqualTo(204);
    http.awaitInstanceState(instance, "TERMINATED");
  }

  @Test
  void cancellingAnUnknownInstanceIs404() {
    String detail = assertProblem(http.post("/process-instances/2251799813699999/cancellation", Map.of()), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  @Test
  void cancellingAFinishedInstanceIs404() {
    http.deployOk(bpmn("start-end.bpmn"));
    String instance = http.createInstance("start-end");
    http.awaitInstanceState(instance, "COMPLETED");

    assertProblem(http.post("/process-instances/" + instance + "/cancellation", Map.of()), 404, "NOT_FOUND");
  }

  @Test
  void getByKeyAnswersWithEvery89FieldNullableOnesAsExplicitNull() {
    JsonNode deployment = http.deployOk(bpmn("single-service-task.bpmn"));
    String definitionKey = deployment.path("deployments").get(0).path("processDefinition").path("processDefinitionKey").asText();
    String instance = http.createInstance("single-service-task");

    EngineHttp.Response response = http.get("/process-instances/" + instance);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.mediaType()).isEqualTo("application/json");
    JsonNode body = response.json();
    assertThat(fieldNames(body)).containsAll(PROCESS_INSTANCE_FIELDS);
    assertThat(body.path("processInstanceKey").asText()).isEqualTo(instance);
    assertThat(body.path("processDefinitionKey").asText()).isEqualTo(definitionKey);
    assertThat(body.path("processDefinitionId").asText()).isEqualTo("single-service-task");
    assertThat(body.path("processDefinitionName").asText()).isEqualTo("One service task");
    assertThat(body.path("processDefinitionVersion").asInt()).isEqualTo(1);
    assertThat(body.path("state").asText()).isEqualTo("ACTIVE");
    assertThat(body.path("hasIncident").asBoolean()).isFalse();
    assertThat(body.path("tenantId").asText()).isEqualTo("<default>");
    assertThat(body.path("startDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    assertThat(body.get("endDate").isNull()).isTrue();
    assertThat(body.get("processDefinitionVersionTag").isNull()).isTrue();
    assertThat(body.get("parentProcessInstanceKey").isNull()).isTrue();
    assertThat(body.get("parentElementInstanceKey").isNull()).isTrue();
    assertThat(body.get("businessId").isNull()).isTrue();
  }

  @Test
  void tagsAndBusinessIdGivenAtCreationAreKeptAndTagsReachTheJobs() {
    http.deployOk(bpmn("single-service-task.bpmn"));

    EngineHttp.Response created =
        http.post(
            "/process-instances",
            Map.of(
                "processDefinitionId", "single-service-task",
                "tags", List.of("priority:high", "region.eu"),
                "businessId", "order-42"));

    assertThat(created.status()).as("%s", created).isEqualTo(200);
    String instance = created.json().path("processInstanceKey").asText();
    assertThat(created.json().path("businessId").asText()).isEqualTo("order-42");
    JsonNode fetched = http.getInstance(instance);
    assertThat(fetched.path("businessId").asText()).isEqualTo("order-42");
    assertThat(fetched.path("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("priority:high", "region.eu");
    assertThat(http.activateOne("work").path("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("priority:high", "region.eu");
  }

  @Test
  void anInvalidTagIsRejectedNamingIt() {
    http.deployOk(bpmn("single-service-task.bpmn"));

    String detail =
        assertProblem(
            http.post("/process-instances", Map.of("processDefinitionId", "single-service-task", "tags", List.of("9 lives"))),
            400,
            "INVALID_ARGUMENT");
    assertThat(detail).contains("9 lives");
  }

  @Test
  void getByUnknownKeyIs404() {
    String detail = assertProblem(http.get("/process-instances/2251799813699999"), 404, "NOT_FOUND");
    assertThat(detail).contains("2251799813699999");
  }

  @Test
  void searchFiltersByStateDefinitionInstanceAndIncident() {
    JsonNode deployment = http.deployOk(bpmn("single-service-task.bpmn"), bpmn("start-end.bpmn"), bpmn("io-mapping-error.bpmn"));
    String serviceTaskKey = definitionKey(deployment, "single-service-task");
    String waiting1 = http.createInstance("single-service-task");
    String waiting2 = http.createInstance("single-service-task");
    String completed = http.createInstance("start-end");
    String withIncident = http.createInstance("io-mapping-error");
    http.awaitInstanceState(completed, "COMPLETED");
    http.awaitActiveIncident(withIncident);

    assertThat(keys(searchInstances(Map.of("state", "ACTIVE")))).containsExactlyInAnyOrder(waiting1, waiting2, withIncident);
    assertThat(keys(searchInstances(Map.of("state", "COMPLETED")))).containsExactly(completed);
    assertThat(keys(searchInstances(Map.of("processDefinitionId", "single-service-task"))))
        .containsExactlyInAnyOrder(waiting1, waiting2);
    assertThat(keys(searchInstances(Map.of("processDefinitionKey", serviceTaskKey))))
        .containsExactlyInAnyOrder(waiting1, waiting2);
    assertThat(keys(searchInstances(Map.of("processInstanceKey", waiting2)))).containsExactly(waiting2);
    assertThat(keys(searchInstances(Map.of("hasIncident", true)))).containsExactly(withIncident);
    assertThat(searchInstances(Map.of("processInstanceKey", waiting1)).getFirst().fieldNames())
        .toIterable()
        .containsAll(PROCESS_INSTANCE_FIELDS);
  }

  @Test
  void searchAcceptsTheJavaClientsOperatorFiltersWhereEmptyListsMeanNoCondition() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    String wanted = http.createInstance("single-service-task");
    http.createInstance("single-service-task");

    List<JsonNode> items =
        searchInstances(
            Map.of(
                "processInstanceKey", Map.of("$eq", wanted, "$in", List.of(), "$notIn", List.of()),
                "variables", List.of(),
                "tags", List.of(),
                "$or", List.of()));

    assertThat(keys(items)).containsExactly(wanted);
  }

  @Test
  void searchSupportsInLikeAndDescendingSort() {
    http.deployOk(bpmn("single-service-task.bpmn"), bpmn("start-end.bpmn"));
    String first = http.createInstance("single-service-task");
    String second = http.createInstance("single-service-task");
    String completed = http.createInstance("start-end");
    http.awaitInstanceState(completed, "COMPLETED");

    assertThat(keys(searchInstances(Map.of("state", Map.of("$in", List.of("ACTIVE", "COMPLETED"))))))
        .containsExactlyInAnyOrder(first, second, completed);
    assertThat(keys(searchInstances(Map.of("processDefinitionId", Map.of("$like", "single-*")))))
        .containsExactlyInAnyOrder(first, second);
    assertThat(keys(searchInstances(Map.of("processInstanceKey", Map.of("$neq", first)))))
        .containsExactlyInAnyOrder(second, completed);
    List<JsonNode> newestFirst =
        http.search(
            "process-instances",
            Map.of(
                "filter", Map.of("processDefinitionId", "single-service-task"),
                "sort", List.of(Map.of("field", "processInstanceKey", "order", "DESC"))));
    assertThat(keys(newestFirst)).containsExactly(second, first);
  }

  @Test
  void searchPagesWithFromAndLimitAndReportsTheTotal() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(http.createInstance("single-service-task"));
    }
    List<Map<String, String>> byKey = List.of(Map.of("field", "processInstanceKey", "order", "ASC"));

    EngineHttp.Response first =
        http.post("/process-instances/search", Map.of("sort", byKey, "page", Map.of("from", 0, "limit", 2)));
    EngineHttp.Response second =
        http.post("/process-instances/search", Map.of("sort", byKey, "page", Map.of("from", 2, "limit", 2)));
    EngineHttp.Response third =
        http.post("/process-instances/search", Map.of("sort", byKey, "page", Map.of("from", 4, "limit", 2)));

    JsonNode page = first.json().path("page");
    assertThat(page.path("totalItems").asLong()).isEqualTo(5);
    assertThat(page.has("hasMoreTotalItems")).isTrue();
    assertThat(page.has("startCursor")).isTrue();
    assertThat(page.has("endCursor")).isTrue();
    List<String> seen = new ArrayList<>();
    seen.addAll(keys(items(first)));
    seen.addAll(keys(items(second)));
    seen.addAll(keys(items(third)));
    assertThat(items(first)).hasSize(2);
    assertThat(items(second)).hasSize(2);
    assertThat(items(third)).hasSize(1);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    assertThat(seen).isSortedAccordingTo(Comparator.comparingLong(Long::parseLong));
  }

  @Test
  void searchPagesWithCursors() {
    http.deployOk(bpmn("single-service-task.bpmn"));
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      created.add(http.createInstance("single-service-task"));
    }

    EngineHttp.Response first = http.post("/process-instances/search", Map.of("page", Map.of("limit", 2)));
    String endCursor = first.json().path("page").path("endCursor").asText();
    EngineHttp.Response next =
        http.post("/process-instances/search", Map.of("page", Map.of("after", endCursor, "limit", 2)));

    assertThat(items(first)).hasSize(2);
    assertThat(items(next)).hasSize(1);
    List<String> seen = new ArrayList<>(keys(items(first)));
    seen.addAll(keys(items(next)));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void mixingOffsetAndCursorPagingIsRejected() {
    assertProblem(
        http.post("/process-instances/search", Map.of("page", Map.of("from", 0, "after", "abc", "limit", 2))),
        400,
        "INVALID_ARGUMENT");
  }

  private List<JsonNode> searchInstances(Map<String, ?> filter) {
    return http.search("process-instances", Map.of("filter", filter));
  }

  private static List<JsonNode> items(EngineHttp.Response response) {
    assertThat(response.status()).as("search: %s", response).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().path("items").forEach(items::add);
    return items;
  }

  private static List<String> keys(List<JsonNode> items) {
    return items.stream().map(i -> i.path("processInstanceKey").asText()).toList();
  }

  static String definitionKey(JsonNode deployment, String processId) {
    for (JsonNode d : deployment.path("deployments")) {
      if (processId.equals(d.path("processDefinition").path("processDefinitionId").asText())) {
        return d.path("processDefinition").path("processDefinitionKey").asText();
      }
    }
    throw new AssertionError("no definition " + processId + " in " + deployment);
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
