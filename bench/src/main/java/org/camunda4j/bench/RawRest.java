package org.camunda4j.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few REST v2 calls the engine benchmarks make, as plain {@link HttpClient} requests with JSON
 * written and read by hand. No SDK in between, so what is measured is the engine plus the cheapest
 * possible client; response bodies are scanned for keys with a regex instead of being parsed.
 */
final class RawRest implements AutoCloseable {

  private static final Pattern JOB_KEY = Pattern.compile("\"jobKey\"\\s*:\\s*\"(-?\\d+)\"");
  private static final Pattern PROCESS_INSTANCE_KEY = Pattern.compile("\"processInstanceKey\"\\s*:\\s*\"(-?\\d+)\"");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String base;

  RawRest(URI restAddress) {
    // HTTP/1.1 keep-alive, as the SDKs use it; one pooled connection per concurrent caller.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.base = restAddress.toString().replaceAll("/+$", "") + "/v2";
  }

  void deploy(String fileName, byte[] content) {
    String boundary = "camunda4j-bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"resources\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    send(request("/deployments")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), 200);
  }

  /** Creates one instance of {@code processId} and returns its key. */
  long createInstance(String processId) {
    return extractKey(PROCESS_INSTANCE_KEY, send(createRequest(processId), 200));
  }

  CompletableFuture<Long> createInstanceAsync(String processId) {
    return http.sendAsync(createRequest(processId), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> extractKey(PROCESS_INSTANCE_KEY, checked(response, 200)));
  }

  /** One activation call; {@code requestTimeoutMillis} < 0 answers at once, > 0 long-polls. */
  List<Long> activate(String jobType, int maxJobs, long requestTimeoutMillis) {
    return jobKeys(send(activationRequest(jobType, maxJobs, requestTimeoutMillis), 200));
  }

  CompletableFuture<List<Long>> activateAsync(String jobType, int maxJobs, long requestTimeoutMillis) {
    return http.sendAsync(activationRequest(jobType, maxJobs, requestTimeoutMillis), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> jobKeys(checked(response, 200)));
  }

  void complete(long jobKey) {
    send(request("/jobs/" + jobKey + "/completion").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 204);
  }

  private HttpRequest createRequest(String processId) {
    return request("/process-instances").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\":\"" + processId + "\"}")).build();
  }

  private HttpRequest activationRequest(String jobType, int maxJobs, long requestTimeoutMillis) {
    String json = "{\"type\":\"" + jobType + "\",\"worker\":\"camunda4j-bench\",\"timeout\":60000,"
        + "\"maxJobsToActivate\":" + maxJobs + ",\"requestTimeout\":" + requestTimeoutMillis + "}";
    // The HTTP timeout must outlast the long poll, or the client would abandon a parked request.
    Duration timeout = CALL_TIMEOUT.plusMillis(Math.max(0, requestTimeoutMillis));
    return request("/jobs/activation").timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
  }

  private String send(HttpRequest request, int expectedStatus) {
    try {
      return checked(http.send(request, HttpResponse.BodyHandlers.ofString()), expectedStatus);
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  private static String checked(HttpResponse<String> response, int expectedStatus) {
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(response.request().method() + " " + response.request().uri()
          + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static List<Long> jobKeys(String body) {
    List<Long> keys = new ArrayList<>();
    Matcher matcher = JOB_KEY.matcher(body);
    while (matcher.find()) {
      keys.add(Long.parseLong(matcher.group(1)));
    }
    return keys;
  }

  private static long extractKey(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern.pattern() + " in " + body);
    }
    return Long.parseLong(matcher.group(1));
  }

  @Override
  public void close() {
    http.close();
  }
}
