package org.camunda4j.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;

/**
 * Hostile input against a real engine over HTTP: random and mutated JSON bodies on every endpoint
 * that takes one, with real and made-up keys in the path, and mutated BPMN deployed through the
 * multipart endpoint. Every answer is a 2xx or a 4xx problem+json whose detail carries no stack
 * trace; no 500 ever; and the engine still runs a process afterwards.
 *
 * <p>{@code jqwik.tries.default} (see {@code junit-platform.properties}) bounds the cases in CI; a
 * failure prints the seed that reproduces it.
 */
class RestApiFuzzTest {

  /** Reads whatever the generators make (the engine's own limits are what is under test). */
  private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
          .maxNameLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).build())
      .build());
  private static final List<String> BPMN_SEEDS = List.of(
      "bpmn/single-service-task.bpmn", "bpmn/message-boundary-interrupting.bpmn", "bpmn/multi-instance-parallel.bpmn",
      "bpmn/exclusive-gateway-conditions.bpmn", "bpmn/task-listener-all-events.bpmn", "bpmn/timer-boundary-interrupting.bpmn",
      "bpmn/call-activity-parent.bpmn", "bpmn/error-event-subprocess.bpmn", "bpmn/execution-listeners-service-task.bpmn",
      "dmn/dinner.dmn", "bpmn/business-rule-dish.bpmn");

  /** An endpoint and a valid body to mutate; {@code {key}} is replaced by a real or made-up key. */
  private record Endpoint(String method, String path, String validBody) {}

  private static final String SEARCH = "{\"filter\":{\"state\":\"ACTIVE\"},\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"ASC\"}],\"page\":{\"limit\":10}}";

  private static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", "/v2/process-instances", "{\"processDefinitionId\":\"single-service-task\",\"variables\":{\"a\":1},\"tags\":[\"t\"]}"),
      new Endpoint("POST", "/v2/process-instances", "{\"processDefinitionId\":\"single-service-task\",\"awaitCompletion\":true,\"requestTimeout\":200}"),
      new Endpoint("POST", "/v2/process-instances/search", SEARCH),
      new Endpoint("POST", "/v2/process-instances/{key}/cancellation", "{}"),
      new Endpoint("GET", "/v2/process-instances/{key}", null),
      new Endpoint("POST", "/v2/process-instances/search",
          "{\"filter\":{\"elementId\":\"Task_Work\",\"elementInstanceState\":\"ACTIVE\",\"hasRetriesLeft\":false,"
              + "\"variables\":[{\"name\":\"a\",\"value\":{\"$like\":\"*1*\"}}],\"$or\":[{\"errorMessage\":\"x\"}]}}"),
      new Endpoint("POST", "/v2/element-instances/search", "{\"filter\":{\"state\":\"ACTIVE\",\"elementInstanceScopeKey\":\"1\"},\"page\":{\"limit\":10}}"),
      new Endpoint("GET", "/v2/element-instances/{key}", null),
      new Endpoint("POST", "/v2/correlated-message-subscriptions/search", "{\"filter\":{\"messageName\":\"m\"}}"),
      new Endpoint("POST", "/v2/process-instances/cancellation", "{\"filter\":{\"processDefinitionId\":\"call-activity-parent\"}}"),
      new Endpoint("POST", "/v2/process-instances/incident-resolution", "{\"filter\":{\"hasIncident\":true}}"),
      new Endpoint("POST", "/v2/batch-operations/search", "{\"filter\":{\"state\":\"COMPLETED\",\"operationType\":\"RESOLVE_INCIDENT\"}}"),
      new Endpoint("GET", "/v2/batch-operations/{key}", null),
      new Endpoint("POST", "/v2/batch-operations/{key}/suspension", null),
      new Endpoint("POST", "/v2/batch-operation-items/search", "{\"filter\":{\"state\":\"FAILED\"}}"),
      new Endpoint("POST", "/v2/process-instances/modification",
          "{\"filter\":{\"state\":\"ACTIVE\"},\"moveInstructions\":[{\"sourceElementId\":\"Task_Work\",\"targetElementId\":\"EndEvent_1\"}]}"),
      new Endpoint("POST", "/v2/process-instances/{key}/deletion", "{}"),
      new Endpoint("POST", "/v2/process-instances/deletion", "{\"filter\":{\"state\":\"TERMINATED\"}}"),
      new Endpoint("POST", "/v2/process-instances/{key}/modification",
          "{\"activateInstructions\":[{\"elementId\":\"Task_Work\",\"ancestorElementInstanceKey\":\"-1\","
              + "\"variableInstructions\":[{\"variables\":{\"a\":1},\"scopeId\":\"Task_Work\"}]}],"
              + "\"moveInstructions\":[{\"sourceElementInstruction\":{\"sourceType\":\"byId\",\"sourceElementId\":\"Task_Work\"},"
              + "\"targetElementId\":\"EndEvent_1\",\"ancestorScopeInstruction\":{\"ancestorScopeType\":\"inferred\"}}],"
              + "\"terminateInstructions\":[{\"elementId\":\"Task_Work\"}]}"),
      new Endpoint("POST", "/v2/jobs/activation", "{\"type\":\"work\",\"maxJobsToActivate\":5,\"timeout\":1000,\"requestTimeout\":200,\"fetchVariable\":[\"a\"]}"),
      new Endpoint("POST", "/v2/jobs/search", SEARCH),
      new Endpoint("POST", "/v2/jobs/{key}/completion", "{\"variables\":{\"x\":1}}"),
      new Endpoint("POST", "/v2/jobs/{key}/completion", "{\"result\":{\"type\":\"userTask\",\"denied\":false,\"corrections\":{\"assignee\":\"ana\",\"priority\":10}}}"),
      new Endpoint("POST", "/v2/jobs/{key}/failure", "{\"retries\":1,\"errorMessage\":\"x\",\"retryBackOff\":0,\"variables\":{}}"),
      new Endpoint("POST", "/v2/jobs/{key}/error", "{\"errorCode\":\"E\",\"errorMessage\":\"m\",\"variables\":{}}"),
      new Endpoint("PATCH", "/v2/jobs/{key}", "{\"changeset\":{\"retries\":3,\"timeout\":1000}}"),
      new Endpoint("POST", "/v2/messages/publication", "{\"name\":\"m\",\"correlationKey\":\"k\",\"timeToLive\":1000,\"variables\":{}}"),
      new Endpoint("POST", "/v2/messages/correlation", "{\"name\":\"m\",\"correlationKey\":\"k\",\"variables\":{}}"),
      new Endpoint("POST", "/v2/signals/broadcast", "{\"signalName\":\"s\",\"variables\":{}}"),
      new Endpoint("POST", "/v2/incidents/search", SEARCH),
      new Endpoint("POST", "/v2/incidents/{key}/resolution", "{}"),
      new Endpoint("POST", "/v2/variables/search", "{\"filter\":{\"name\":\"a\"}}"),
      new Endpoint("GET", "/v2/variables/{key}", null),
      new Endpoint("PUT", "/v2/element-instances/{key}/variables", "{\"variables\":{\"a\":2},\"local\":false}"),
      new Endpoint("POST", "/v2/user-tasks/search", SEARCH),
      new Endpoint("GET", "/v2/user-tasks/{key}", null),
      new Endpoint("POST", "/v2/user-tasks/{key}/assignment", "{\"assignee\":\"ana\",\"allowOverride\":true}"),
      new Endpoint("DELETE", "/v2/user-tasks/{key}/assignee", null),
      new Endpoint("POST", "/v2/user-tasks/{key}/completion", "{\"variables\":{},\"action\":\"complete\"}"),
      new Endpoint("PATCH", "/v2/user-tasks/{key}", "{\"changeset\":{\"priority\":10,\"candidateGroups\":[\"g\"]}}"),
      new Endpoint("POST", "/v2/user-tasks/{key}/variables/search", "{}"),
      new Endpoint("POST", "/v2/decision-definitions/evaluation", "{\"decisionDefinitionId\":\"dish\",\"variables\":{\"month\":1,\"guestCount\":3}}"),
      new Endpoint("POST", "/v2/decision-definitions/search", "{\"filter\":{\"isLatestVersion\":true},\"sort\":[{\"field\":\"version\",\"order\":\"DESC\"}]}"),
      new Endpoint("GET", "/v2/decision-definitions/{key}/xml", null),
      new Endpoint("POST", "/v2/decision-requirements/search", "{\"filter\":{\"decisionRequirementsId\":\"dinner\"}}"),
      new Endpoint("POST", "/v2/decision-instances/search", "{\"filter\":{\"state\":\"EVALUATED\",\"decisionDefinitionId\":\"dish\"}}"),
      new Endpoint("GET", "/v2/decision-instances/{key}", null),
      new Endpoint("PUT", "/v2/clock", "{\"timestamp\":1700000000000}"),
      new Endpoint("POST", "/v2/clock/reset", null));

  private static Engine engine;
  private static HttpClient http;
  private static final List<String> realKeys = new ArrayList<>();

  @BeforeContainer
  static void startEngine() throws Exception {
    engine = Engine.start(EngineConfig.builder().longPollTimeout(Duration.ofMillis(500)).build());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (String resource : BPMN_SEEDS) {
      assertThat(deploy(resource.substring(resource.lastIndexOf('/') + 1), resource(resource)).statusCode()).isEqualTo(200);
    }
    // Real keys in the pool: instances, their jobs and user tasks, so mutated bodies reach deep code.
    for (int i = 0; i < 5; i++) {
      JsonNode created = json(send("POST", "/v2/process-instances", "{\"processDefinitionId\":\"single-service-task\"}", "application/json"));
      realKeys.add(created.path("processInstanceKey").asText());
      JsonNode listener = json(send("POST", "/v2/process-instances", "{\"processDefinitionId\":\"task-listener-all-events\"}", "application/json"));
      realKeys.add(listener.path("processInstanceKey").asText());
    }
    JsonNode jobs = json(send("POST", "/v2/jobs/activation", "{\"type\":\"work\",\"maxJobsToActivate\":3,\"timeout\":600000}", "application/json"));
    jobs.path("jobs").forEach(job -> realKeys.add(job.path("jobKey").asText()));
    JsonNode tasks = json(send("POST", "/v2/user-tasks/search", "{}", "application/json"));
    tasks.path("items").forEach(task -> realKeys.add(task.path("userTaskKey").asText()));
  }

  @AfterContainer
  static void engineStaysHealthy() throws Exception {
    try {
      engine.clock().reset();
      assertThat(send("GET", "/v2/status", null, null).statusCode()).isEqualTo(204);
      // A process still runs from start to end (its own process id: fuzzing may have deployed
      // mutated versions of every seed model).
      String id = "health-" + UUID.randomUUID();
      String xml = new String(resource("bpmn/single-service-task.bpmn"), StandardCharsets.UTF_8)
          .replace("\"single-service-task\"", "\"" + id + "\"").replace("type=\"work\"", "type=\"" + id + "\"");
      assertThat(deploy(id + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
      JsonNode created = json(send("POST", "/v2/process-instances", "{\"processDefinitionId\":\"" + id + "\"}", "application/json"));
      String activation = "{\"type\":\"" + id + "\",\"maxJobsToActivate\":1,\"timeout\":60000,\"requestTimeout\":1000}";
      boolean completed = false;
      for (int attempt = 0; attempt < 20 && !completed; attempt++) {
        for (JsonNode job : json(send("POST", "/v2/jobs/activation", activation, "application/json")).path("jobs")) {
          send("POST", "/v2/jobs/" + job.path("jobKey").asText() + "/completion", "{}", "application/json");
        }
        JsonNode instance = json(send("GET", "/v2/process-instances/" + created.path("processInstanceKey").asText(), null, null));
        completed = "COMPLETED".equals(instance.path("state").asText());
      }
      assertThat(completed).as("a new instance completes after the fuzzing").isTrue();
    } finally {
      http.close();
      engine.close();
    }
  }

  @Property
  void everyJsonBodyGetsA2xxOrAProblem(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    Endpoint endpoint = HostileInput.pick(random, ENDPOINTS);
    String path = endpoint.path().replace("{key}", key(random));
    String body = endpoint.validBody() == null ? (random.nextBoolean() ? null : HostileInput.jsonValue(random, 3)) : body(random, endpoint.validBody());
    String contentType = random.nextInt(10) > 0 ? "application/json"
        : HostileInput.pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data"));

    check(endpoint.method() + " " + path + " " + abbreviate(body), endpoint, send(endpoint.method(), path, body, contentType));
  }

  @Property
  void everyMutatedBpmnGetsA200OrAProblem(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    String resource = HostileInput.pick(random, BPMN_SEEDS);
    String xml = new String(resource(resource), StandardCharsets.UTF_8);
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      xml = random.nextBoolean() ? HostileInput.mutate(random, xml) : mutateAttribute(random, xml);
    }
    String name = random.nextInt(10) == 0 ? HostileInput.string(random) : "fuzz-" + seed + (resource.endsWith(".dmn") ? ".dmn" : ".bpmn");

    check("deploy mutated " + resource, null, deploy(name, xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static void check(String what, Endpoint endpoint, HttpResponse<String> response) throws IOException {
    if (response == null) {
      // Only a long poll or an awaited creation may legitimately hold the answer past the client's timeout.
      assertThat(endpoint.path()).as(what + ": no answer in time").isIn("/v2/jobs/activation", "/v2/process-instances");
      return;
    }
    int status = response.statusCode();
    assertThat(status).as(what + " -> " + response.body()).isNotEqualTo(500);
    if (status < 400) {
      assertThat(status).as(what).isBetween(200, 299);
      return;
    }
    assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    String detail = problem.path("detail").asText();
    assertThat(detail).as(what + ": a detail that says what to fix").isNotBlank();
    assertThat(detail).as(what + ": no stack trace").doesNotContain("\tat ").doesNotContain("Caused by:");
    if (status >= 500) {
      assertThat(problem.path("title").asText()).as(what + " -> " + detail).isIn("RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED");
    }
  }

  private static String key(Random random) {
    return switch (random.nextInt(6)) {
      case 0, 1, 2 -> realKeys.isEmpty() ? "1" : HostileInput.pick(random, realKeys);
      case 3 -> Long.toString(random.nextLong());
      case 4 -> "9223372036854775808";
      default -> URLEncoder.encode(HostileInput.string(random), StandardCharsets.UTF_8);
    };
  }

  /** A body made from the endpoint's valid one: a field changed, removed or added, or worse. */
  private static String body(Random random, String validBody) throws IOException {
    int mode = random.nextInt(10);
    if (mode < 5) {
      ObjectNode object = (ObjectNode) JSON.readTree(validBody);
      mutateTree(random, object, 0);
      return cappedWaits(object).toString();
    }
    if (mode < 7) {
      return HostileInput.jsonValue(random, 4);
    }
    if (mode < 8) {
      return HostileInput.mutate(random, validBody);
    }
    if (mode < 9) {
      return HostileInput.broken(random, validBody);
    }
    return validBody;
  }

  private static void mutateTree(Random random, ObjectNode object, int depth) throws IOException {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    int action = random.nextInt(4);
    if (names.isEmpty() || action == 0) {
      object.set(HostileInput.pick(random, HostileInput.FIELD_NAMES), JSON.readTree(HostileInput.jsonValue(random, 3)));
    } else if (action == 1) {
      object.remove(HostileInput.pick(random, names));
    } else {
      String name = HostileInput.pick(random, names);
      if (object.get(name) instanceof ObjectNode inner && depth < 3 && random.nextBoolean()) {
        mutateTree(random, inner, depth + 1);
      } else {
        object.set(name, JSON.readTree(HostileInput.jsonValue(random, 3)));
      }
    }
  }

  /** Long polls and awaited creations wait at most a second, so a case never parks for long. */
  private static ObjectNode cappedWaits(ObjectNode object) {
    JsonNode timeout = object.get("requestTimeout");
    if (timeout == null || (timeout.isNumber() && (timeout.asLong() > 1000 || timeout.asLong() <= 0))) {
      object.put("requestTimeout", 500);
    }
    return object;
  }

  private static String mutateAttribute(Random random, String xml) {
    List<int[]> values = new ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("=\"([^\"]*)\"").matcher(xml);
    while (matcher.find()) {
      values.add(new int[] {matcher.start(1), matcher.end(1)});
    }
    if (values.isEmpty()) {
      return xml;
    }
    int[] value = HostileInput.pick(random, values);
    String replacement = HostileInput.string(random).replace("\"", "&quot;").replace("<", "&lt;").replace("&", "&amp;");
    return xml.substring(0, value[0]) + replacement + xml.substring(value[1]);
  }

  private static HttpResponse<String> deploy(String fileName, byte[] content) throws Exception {
    String boundary = "fuzz-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\""
        + fileName.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(engine.restAddress().resolve("/v2/deployments"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The answer, or null if none came within the timeout. */
  private static HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
    URI uri;
    try {
      uri = URI.create(engine.restAddress() + path);
    } catch (IllegalArgumentException e) {
      uri = URI.create(engine.restAddress() + "/v2/jobs/" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return null;
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response).isNotNull();
    return JSON.readTree(response.body());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RestApiFuzzTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static String abbreviate(String text) {
    return text == null ? "(no body)" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
