package org.camunda4j.engine.usertask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A plain HTTP/JSON client for the user-task scenarios: requests are written out as the REST API v2
 * describes them, so the tests check the wire and not a library's idea of it. Keys stay strings.
 */
final class UserTaskHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WAIT_BOUND = Duration.ofSeconds(20);

  private final URI base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  UserTaskHttp(URI restAddress) {
    String address = restAddress.toString();
    this.base = URI.create(address.endsWith("/") ? address + "v2" : address + "/v2");
  }

  // --- raw verbs; the *Async forms return at once, for calls that wait for task listeners

  Response get(String path) {
    return send(request(path).GET().build());
  }

  Response post(String path, Object body) {
    return send(json(path, "POST", body));
  }

  Response put(String path, Object body) {
    return send(json(path, "PUT", body));
  }

  Response patch(String path, Object body) {
    return send(json(path, "PATCH", body));
  }

  Response delete(String path) {
    return send(request(path).DELETE().build());
  }

  CompletableFuture<Response> postAsync(String path, Object body) {
    return client.sendAsync(json(path, "POST", body), HttpResponse.BodyHandlers.ofString()).thenApply(Response::of);
  }

  CompletableFuture<Response> patchAsync(String path, Object body) {
    return client.sendAsync(json(path, "PATCH", body), HttpResponse.BodyHandlers.ofString()).thenApply(Response::of);
  }

  CompletableFuture<Response> deleteAsync(String path) {
    return client.sendAsync(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString()).thenApply(Response::of);
  }

  // --- deployments and instances

  /** Deploys classpath resources in one multipart call, one {@code resources} part each. */
  Response deploy(String... classpathResources) {
    String boundary = "usertask-" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    for (String classpathResource : classpathResources) {
      String name = classpathResource.substring(classpathResource.lastIndexOf('/') + 1);
      parts.add(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"" + name
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(readResource(classpathResource));
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request("/deployments")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
  }

  void deployOk(String classpathResource) {
    Response response = deploy(classpathResource);
    assertThat(response.status()).as("deployment of %s: %s", classpathResource, response.body()).isEqualTo(200);
  }

  String createInstance(String processDefinitionId, Map<String, ?> variables) {
    Response response = post("/process-instances", Map.of("processDefinitionId", processDefinitionId, "variables", variables));
    assertThat(response.status()).as("create instance of %s: %s", processDefinitionId, response.body()).isEqualTo(200);
    return response.json().path("processInstanceKey").asText();
  }

  // --- user tasks

  /** Waits until the instance has a user task in {@code state}; returns it as the search reports it. */
  JsonNode awaitUserTask(String processInstanceKey, String state) {
    return eventually(
        "a user task of instance " + processInstanceKey + " in state " + state,
        () -> userTasks(Map.of("processInstanceKey", processInstanceKey)).stream()
            .filter(t -> state.equals(t.path("state").asText()))
            .findFirst()
            .orElse(null),
        task -> task != null);
  }

  List<JsonNode> userTasks(Map<String, ?> filter) {
    return items(post("/user-tasks/search", Map.of("filter", filter)));
  }

  JsonNode userTask(String userTaskKey) {
    Response response = get("/user-tasks/" + userTaskKey);
    assertThat(response.status()).as("get user task %s: %s", userTaskKey, response.body()).isEqualTo(200);
    return response.json();
  }

  // --- jobs

  /** Activates exactly one job of {@code type}, waiting up to 10 s for it. */
  JsonNode activateOne(String type) {
    Response response =
        post(
            "/jobs/activation",
            Map.of("type", type, "worker", "usertask-test", "timeout", 300_000, "maxJobsToActivate", 1, "requestTimeout", 10_000));
    List<JsonNode> jobs = jobsOf(response, type);
    assertThat(jobs).as("activatable jobs of type '%s' within 10 s", type).hasSize(1);
    return jobs.getFirst();
  }

  /** The jobs of {@code type} activatable right now. */
  List<JsonNode> activateNow(String type) {
    Response response =
        post(
            "/jobs/activation",
            Map.of("type", type, "worker", "usertask-test", "timeout", 300_000, "maxJobsToActivate", 10, "requestTimeout", -1));
    return jobsOf(response, type);
  }

  Response completeJob(String jobKey, Object body) {
    return post("/jobs/" + jobKey + "/completion", body);
  }

  void completeJobOk(String jobKey, Object body) {
    Response response = completeJob(jobKey, body);
    assertThat(response.status()).as("complete job %s: %s", jobKey, response.body()).isEqualTo(204);
  }

  /** Completes the next listener job of {@code type} without a result; returns the job as activated. */
  JsonNode completeListener(String type) {
    JsonNode job = activateOne(type);
    completeJobOk(job.path("jobKey").asText(), Map.of());
    return job;
  }

  List<JsonNode> search(String resource, Map<String, ?> filter) {
    return items(post("/" + resource + "/search", Map.of("filter", filter)));
  }

  // --- plumbing

  static <T> T eventually(String what, Supplier<T> probe, Predicate<T> condition) {
    long deadline = System.nanoTime() + WAIT_BOUND.toNanos();
    while (true) {
      T last = probe.get();
      if (condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + WAIT_BOUND.toSeconds() + " s for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private static List<JsonNode> jobsOf(Response response, String type) {
    assertThat(response.status()).as("activation of %s: %s", type, response.body()).isEqualTo(200);
    return items(response.json().path("jobs"));
  }

  private static List<JsonNode> items(Response response) {
    assertThat(response.status()).as("search: %s", response.body()).isEqualTo(200);
    return items(response.json().path("items"));
  }

  private static List<JsonNode> items(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json, application/problem+json");
  }

  private HttpRequest json(String path, String method, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    return request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
        .build();
  }

  private Response send(HttpRequest request) {
    try {
      return Response.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.uri(), e);
    }
  }

  static byte[] readResource(String classpathResource) {
    try (InputStream in = UserTaskHttp.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalArgumentException("no such test resource: " + classpathResource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One HTTP answer: status, raw body and (when it is JSON) the parsed body. */
  record Response(int status, String body, JsonNode parsed) {

    static Response of(HttpResponse<String> response) {
      JsonNode parsed = null;
      if (response.body() != null && !response.body().isBlank()) {
        try {
          parsed = JSON.readTree(response.body());
        } catch (JsonProcessingException notJson) {
          parsed = null;
        }
      }
      return new Response(response.statusCode(), response.body(), parsed);
    }

    JsonNode json() {
      assertThat(parsed).as("a JSON body, got status %d with '%s'", status, body).isNotNull();
      return parsed;
    }

    /** The {@code detail} of a problem answer. */
    String detail() {
      return json().path("detail").asText();
    }
  }
}
