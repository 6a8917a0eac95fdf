package org.camunda4j.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.Incident;
import org.camunda4j.sdk.ProcessInstance;
import org.camunda4j.sdk.SearchRequest;
import org.camunda4j.sdk.UserTask;

/**
 * What the kit reads about a process instance. Instances, incidents and user tasks come through the
 * SDK client; element instances, variables and decision instances, which the SDK does not search,
 * through {@code POST /v2/element-instances/search}, {@code POST /v2/variables/search} and
 * {@code POST /v2/decision-instances/search} directly.
 */
public final class ClusterReads implements AutoCloseable {

  /** One element instance: {@code state} is ACTIVE, COMPLETED or TERMINATED; {@code type} as 8.9 names it. */
  public record ElementRow(String elementId, String type, String state) {

    private static final java.util.Set<String> CONTAINERS =
        java.util.Set.of(
            "PROCESS", "SUB_PROCESS", "EVENT_SUB_PROCESS", "AD_HOC_SUB_PROCESS", "AD_HOC_SUB_PROCESS_INNER_INSTANCE", "MULTI_INSTANCE_BODY");

    public boolean isActive() {
      return "ACTIVE".equals(state);
    }

    /** Active and not a container that is only active because something inside it is. */
    public boolean isWaiting() {
      return isActive() && !CONTAINERS.contains(type);
    }
  }

  /** One evaluated decision (a decision instance); {@code result} is its output as JSON. */
  public record DecisionRow(String decisionId, String state, JsonNode result, String evaluationFailure) {}

  /** One variable; {@code scopeKey == processInstanceKey} for the instance's own variables. */
  public record VariableRow(String name, long scopeKey, JsonNode value) {}

  private static final int PAGE = 1000;

  private final CamundaClient client;
  private final URI v2;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI restAddress;
  private final KitCredentials credentials;

  public ClusterReads(CamundaClient client, URI restAddress, KitCredentials credentials) {
    this.client = client;
    this.restAddress = restAddress;
    this.credentials = credentials;
    String base = restAddress.toString().replaceAll("/+$", "");
    this.v2 = URI.create(base.endsWith("/v2") ? base : base + "/v2");
  }

  public ProcessInstance instance(long processInstanceKey) {
    return client.getProcessInstance(processInstanceKey);
  }

  public List<Incident> activeIncidents(long processInstanceKey) {
    return client.searchIncidents(SearchRequest.filter(Map.of(
            "processInstanceKey", Long.toString(processInstanceKey), "state", "ACTIVE"))
        .withPage(SearchRequest.Page.limit(PAGE))).items();
  }

  /** Open user tasks at {@code elementId}, of one instance or (key {@code null}) of any. */
  public List<UserTask> openUserTasks(String elementId, Long processInstanceKey) {
    Map<String, Object> filter = processInstanceKey == null
        ? Map.of("elementId", elementId, "state", "CREATED")
        : Map.of("elementId", elementId, "state", "CREATED", "processInstanceKey", processInstanceKey.toString());
    return searchUserTasks(SearchRequest.filter(filter).withPage(SearchRequest.Page.limit(PAGE)));
  }

  /**
   * A search answers 200 even when nothing matches, so a 404 means the server has no user-task
   * search at all (an engine without user tasks): then there are none to report.
   */
  private List<UserTask> searchUserTasks(SearchRequest request) {
    try {
      return client.searchUserTasks(request).items();
    } catch (CamundaApiException e) {
      if (e.isNotFound()) {
        return List.of();
      }
      throw e;
    }
  }

  /** Every element instance of the instance, live or ended. */
  public List<ElementRow> elementInstances(long processInstanceKey) {
    List<ElementRow> rows = new ArrayList<>();
    for (JsonNode item : search("element-instances", processInstanceKey, "")) {
      rows.add(new ElementRow(item.path("elementId").asText(), item.path("type").asText(), item.path("state").asText()));
    }
    return rows;
  }

  public List<VariableRow> variables(long processInstanceKey) {
    List<VariableRow> rows = new ArrayList<>();
    for (JsonNode item : search("variables", processInstanceKey, "?truncateValues=false")) {
      rows.add(new VariableRow(item.path("name").asText(), item.path("scopeKey").asLong(),
          JsonValues.parse(item.path("value").asText())));
    }
    return rows;
  }

  /** Every decision the instance evaluated (business rule tasks), required decisions included, oldest first. */
  public List<DecisionRow> decisions(long processInstanceKey) {
    List<DecisionRow> rows = new ArrayList<>();
    for (JsonNode item : search("decision-instances", processInstanceKey, "")) {
      rows.add(new DecisionRow(item.path("decisionDefinitionId").asText(), item.path("state").asText(),
          JsonValues.parse(item.path("result").asText("null")), item.path("evaluationFailure").asText(null)));
    }
    return rows;
  }

  @Override
  public void close() {
    http.close();
  }

  private JsonNode search(String resource, long processInstanceKey, String query) {
    String body = "{\"filter\":{\"processInstanceKey\":\"" + processInstanceKey + "\"},\"page\":{\"limit\":" + PAGE + "}}";
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(v2 + "/" + resource + "/search" + query))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    credentials.authorization(restAddress, http).ifPresent(header -> builder.header("Authorization", header));
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("POST " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return JsonValues.parse(response.body()).path("items");
    } catch (IOException e) {
      throw new IllegalStateException("POST " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST " + request.uri(), e);
    }
  }
}
