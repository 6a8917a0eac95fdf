package org.camunda4j.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deliberately plain HTTP/JSON client for the engine's REST API v2, used by the scenario tests.
 *
 * <p>It shares no code with the engine or the SDK: every request is written out as the wire
 * contract describes it, so the tests check the wire format and not a library's idea of it. Keys
 * stay strings, exactly as they travel.
 */
public final class EngineHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Generous enough for a long poll of 60 s plus the server's answer. */
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(75);

  private final URI base;
  private final HttpClient client;
  private final String authorization;

  public EngineHttp(URI restAddress) {
    this(restAddress, null);
  }

  /** Sends {@code authorization} (e.g. {@code Bearer <token>}) as the Authorization header of every request. */
  public EngineHttp(URI restAddress, String authorization) {
    this.authorization = authorization;
    String address = restAddress.toString();
    this.base = URI.create(address.endsWith("/") ? address + "v2" : address + "/v2");
    // HTTP/1.1 on purpose: the official clients speak it, and no h2c upgrade muddies a test.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The base URI including {@code /v2}. */
  public URI v2() {
    return base;
  }

  // ---------------------------------------------------------------- raw verbs

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response post(String path, Object body) {
    return send(jsonRequest(path, "POST", body));
  }

  public Response put(String path, Object body) {
    return send(jsonRequest(path, "PUT", body));
  }

  public Response patch(String path, Object body) {
    return send(jsonRequest(path, "PATCH", body));
  }

  /** Sends a JSON body with extra request headers, e.g. a job command naming its cluster. */
  public Response send(String method, String path, Object body, Map<String, String> headers) {
    String json = body instanceof String s ? s : write(body);
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
    headers.forEach(builder::header);
    return send(builder.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Response delete(String path) {
    return send(request(path).DELETE().build());
  }

  /** POST without any body at all (optional-body endpoints such as cancellation). */
  public Response postWithoutBody(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** Sends exactly these bytes with this content type; for malformed-input tests. */
  public Response postRaw(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  // ---------------------------------------------------------------- deployments

  /** Deploys classpath resources (e.g. {@code "bpmn/start-end.bpmn"}) in one multipart call. */
  public Response deploy(String... classpathResources) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String resource : classpathResources) {
      files.put(resource.substring(resource.lastIndexOf('/') + 1), readResource(resource));
    }
    return deployFiles(files);
  }

  /** Deploys classpath resources to a tenant (null: no tenantId part at all). */
  public Response deployTo(String tenantId, String... classpathResources) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String resource : classpathResources) {
      files.put(resource.substring(resource.lastIndexOf('/') + 1), readResource(resource));
    }
    return deployFiles(files, tenantId);
  }

  /** Deploys the given files (name → content) in one multipart call, as the TS SDK does. */
  public Response deployFiles(Map<String, byte[]> files) {
    return deployFiles(files, "<default>");
  }

  private Response deployFiles(Map<String, byte[]> files, String tenantId) {
    String boundary = "scenario-" + UUID.randomUUID();
    var parts = new ArrayList<byte[]>();
    for (var file : files.entrySet()) {
      parts.add(
          ("--" + boundary + "\r\n"
                  + "Content-Disposition: form-data; name=\"resources\"; filename=\""
                  + file.getKey()
                  + "\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.getValue());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (tenantId != null) {
      parts.add(
          ("--" + boundary + "\r\n"
                  + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n"
                  + tenantId + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request("/deployments")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
  }

  /** Deploys and insists on success; returns the response body. */
  public JsonNode deployOk(String... classpathResources) {
    Response response = deploy(classpathResources);
    assertThat(response.status()).as("deployment of %s: %s", List.of(classpathResources), response.body()).isEqualTo(200);
    return response.json();
  }

  // ---------------------------------------------------------------- process instances

  /** Creates an instance of the latest version of {@code processDefinitionId}; returns its key. */
  public String createInstance(String processDefinitionId) {
    return createInstance(processDefinitionId, Map.of());
  }

  public String createInstance(String processDefinitionId, Map<String, ?> variables) {
    Response response =
        post(
            "/process-instances",
            Map.of("processDefinitionId", processDefinitionId, "variables", variables));
    assertThat(response.status()).as("create instance of %s: %s", processDefinitionId, response.body()).isEqualTo(200);
    return response.json().path("processInstanceKey").asText();
  }

  public JsonNode getInstance(String processInstanceKey) {
    Response response = get("/process-instances/" + processInstanceKey);
    assertThat(response.status()).as("get instance: %s", response.body()).isEqualTo(200);
    return response.json();
  }

  /** Polls GET /process-instances/{key} (an eventually consistent read) until it has this state. */
  public JsonNode awaitInstanceState(String processInstanceKey, String state) {
    return Eventually.get(
        "process instance " + processInstanceKey + " in state " + state,
        () -> get("/process-instances/" + processInstanceKey),
        r -> r.status() == 200 && state.equals(r.json().path("state").asText()))
        .json();
  }

  // ---------------------------------------------------------------- jobs

  /**
   * Activates jobs of {@code type}, waiting up to {@code requestTimeoutMs} (long poll) for at least
   * one; negative means "answer at once".
   */
  public Response activate(String type, int maxJobs, long requestTimeoutMs) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", type);
    body.put("worker", "scenario-test");
    body.put("timeout", 300_000);
    body.put("maxJobsToActivate", maxJobs);
    body.put("requestTimeout", requestTimeoutMs);
    return post("/jobs/activation", body);
  }

  /** Activates and returns the jobs list; a long poll of up to 10 s waits for the first job. */
  public List<JsonNode> activateJobs(String type, int maxJobs) {
    Response response = activate(type, maxJobs, 10_000);
    assertThat(response.status()).as("activation of %s: %s", type, response.body()).isEqualTo(200);
    List<JsonNode> jobs = new ArrayList<>();
    response.json().path("jobs").forEach(jobs::add);
    return jobs;
  }

  /** Activates exactly one job of {@code type}, waiting up to 10 s for it to become activatable. */
  public JsonNode activateOne(String type) {
    List<JsonNode> jobs = activateJobs(type, 1);
    assertThat(jobs).as("activatable jobs of type '%s' within 10 s", type).hasSize(1);
    return jobs.getFirst();
  }

  /** Asks once, without waiting, which jobs of {@code type} are activatable now. */
  public List<JsonNode> activateNow(String type) {
    Response response = activate(type, 10, -1);
    assertThat(response.status()).as("activation of %s: %s", type, response.body()).isEqualTo(200);
    List<JsonNode> jobs = new ArrayList<>();
    response.json().path("jobs").forEach(jobs::add);
    return jobs;
  }

  public void completeJob(String jobKey, Map<String, ?> variables) {
    Response response = post("/jobs/" + jobKey + "/completion", Map.of("variables", variables));
    assertThat(response.status()).as("complete job %s: %s", jobKey, response.body()).isEqualTo(204);
  }

  /** Activates the one job of {@code type} and completes it with these variables. */
  public JsonNode completeNext(String type, Map<String, ?> variables) {
    JsonNode job = activateOne(type);
    completeJob(job.path("jobKey").asText(), variables);
    return job;
  }

  /** Waits until the job search knows at least one job of {@code type}. */
  public void awaitJobExists(String type) {
    awaitJobCount(type, 1);
  }

  /** Waits until the job search knows at least {@code count} jobs of {@code type}. */
  public void awaitJobCount(String type, int count) {
    Eventually.get(
        count + " jobs of type " + type,
        () -> search("jobs", Map.of("filter", Map.of("type", type))).size(),
        found -> found >= count);
  }

  // ---------------------------------------------------------------- search helpers

  /** Runs a search and returns its items; the body is the raw search request. */
  public List<JsonNode> search(String resource, Object request) {
    Response response = post("/" + resource + "/search", request);
    assertThat(response.status()).as("search %s: %s", resource, response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().path("items").forEach(items::add);
    return items;
  }

  /** The element instances of one process instance (live and ended), in activation order. */
  public List<JsonNode> elementInstancesOf(String processInstanceKey) {
    return search(
        "element-instances",
        Map.of(
            "filter", Map.of("processInstanceKey", processInstanceKey),
            "sort", List.of(Map.of("field", "elementInstanceKey"))));
  }

  /** The incidents of one process instance (in any state). */
  public List<JsonNode> incidentsOf(String processInstanceKey) {
    return search("incidents", Map.of("filter", Map.of("processInstanceKey", processInstanceKey)));
  }

  /** Polls the incident search until the instance has exactly one ACTIVE incident; returns it. */
  public JsonNode awaitActiveIncident(String processInstanceKey) {
    return Eventually.get(
        "an active incident on process instance " + processInstanceKey,
        () ->
            search(
                    "incidents",
                    Map.of("filter", Map.of("processInstanceKey", processInstanceKey, "state", "ACTIVE")))
                .stream()
                .findFirst()
                .orElse(null),
        incident -> incident != null);
  }

  /** The variables defined directly on one scope, as name → parsed JSON value. */
  public Map<String, JsonNode> variablesOfScope(String scopeKey) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (JsonNode item : search("variables", Map.of("filter", Map.of("scopeKey", scopeKey)))) {
      result.put(item.path("name").asText(), parse(item.path("value").asText()));
    }
    return result;
  }

  // ---------------------------------------------------------------- plumbing

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(DEFAULT_REQUEST_TIMEOUT)
            .header("Accept", "application/json, application/problem+json");
    return authorization == null ? builder : builder.header("Authorization", authorization);
  }

  private HttpRequest jsonRequest(String path, String method, Object body) {
    String json = body instanceof String s ? s : write(body);
    return request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return Response.of(response);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.uri(), e);
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  public static byte[] readResource(String classpathResource) {
    try (InputStream in = EngineHttp.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such test resource: " + classpathResource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One HTTP answer: status, content type, raw body and (when it is JSON) the parsed body. */
  public record Response(int status, String contentType, String body, JsonNode json) {

    static Response of(HttpResponse<String> response) {
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      String body = response.body();
      JsonNode json = null;
      if (body != null && !body.isBlank()) {
        try {
          json = JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
          json = null;
        }
      }
      return new Response(response.statusCode(), contentType, body, json);
    }

    /** The media type without parameters, e.g. {@code application/json}. */
    public String mediaType() {
      int semicolon = contentType.indexOf(';');
      return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    @Override
    public JsonNode json() {
      assertThat(json).as("a JSON body, got status %d with '%s'", status, body).isNotNull();
      return json;
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
