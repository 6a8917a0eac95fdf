package org.camunda4j.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda4j.sdk.internal.http.HttpExchanger;
import org.camunda4j.sdk.internal.http.NettyExchanger;

/**
 * The few REST v2 calls the engine benchmarks make, with JSON written and read by hand, over the
 * SDK's Netty HTTP exchanger (one event-loop thread, pooled keep-alive connections, answers taken on
 * that thread): no SDK logic in between, so what is measured is the engine plus about the cheapest
 * client there is. Response bodies are scanned for keys with a regex instead of being parsed. The
 * client matters in the cross-process benchmark: the feeder shares the machine with the engine and
 * the worker under test, and the JDK's {@code HttpClient} cost it more CPU per instance than the engine.
 */
final class RawRest implements AutoCloseable {

  private static final Pattern JOB_KEY = Pattern.compile("\"jobKey\"\\s*:\\s*\"(-?\\d+)\"");
  private static final Pattern TOTAL_ITEMS = Pattern.compile("\"totalItems\"\\s*:\\s*\"?(\\d+)");
  private static final Pattern PROCESS_INSTANCE_KEY = Pattern.compile("\"processInstanceKey\"\\s*:\\s*\"(-?\\d+)\"");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final String JSON = "application/json";

  private final HttpExchanger http;
  private final String base;

  RawRest(URI restAddress) {
    this.http = new NettyExchanger(Duration.ofSeconds(10), "camunda4j-bench", null);
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
    join(send("/deployments", "multipart/form-data; boundary=" + boundary, body.toByteArray(), CALL_TIMEOUT, 200));
  }

  /** Creates one instance of {@code processId} and returns its key. */
  long createInstance(String processId) {
    return join(createInstanceAsync(processId));
  }

  CompletableFuture<Long> createInstanceAsync(String processId) {
    byte[] json = ("{\"processDefinitionId\":\"" + processId + "\"}").getBytes(StandardCharsets.UTF_8);
    return send("/process-instances", JSON, json, CALL_TIMEOUT, 200).thenApply(body -> extractKey(PROCESS_INSTANCE_KEY, body));
  }

  /** How many process instances are active (the search's total). */
  long activeInstances() {
    byte[] json = "{\"filter\":{\"state\":\"ACTIVE\"},\"page\":{\"limit\":1}}".getBytes(StandardCharsets.UTF_8);
    return join(send("/process-instances/search", JSON, json, CALL_TIMEOUT, 200).thenApply(body -> extractKey(TOTAL_ITEMS, body)));
  }

  /** One activation call; {@code requestTimeoutMillis} < 0 answers at once, > 0 long-polls. */
  List<Long> activate(String jobType, int maxJobs, long requestTimeoutMillis) {
    return join(activateAsync(jobType, maxJobs, requestTimeoutMillis));
  }

  CompletableFuture<List<Long>> activateAsync(String jobType, int maxJobs, long requestTimeoutMillis) {
    String json = "{\"type\":\"" + jobType + "\",\"worker\":\"camunda4j-bench\",\"timeout\":60000,"
        + "\"maxJobsToActivate\":" + maxJobs + ",\"requestTimeout\":" + requestTimeoutMillis + "}";
    // The HTTP timeout must outlast the long poll, or the client would abandon a parked request.
    Duration timeout = CALL_TIMEOUT.plusMillis(Math.max(0, requestTimeoutMillis));
    return send("/jobs/activation", JSON, json.getBytes(StandardCharsets.UTF_8), timeout, 200).thenApply(RawRest::jobKeys);
  }

  void complete(long jobKey) {
    join(send("/jobs/" + jobKey + "/completion", JSON, "{}".getBytes(StandardCharsets.UTF_8), CALL_TIMEOUT, 204));
  }

  /** The answer's body as text, or a failed future naming the call when the status is not {@code expectedStatus}. */
  CompletableFuture<Void> completeAsync(long jobKey) {
    return send("/jobs/" + jobKey + "/completion", JSON, "{}".getBytes(StandardCharsets.UTF_8), CALL_TIMEOUT, 204)
        .thenAccept(body -> {});
  }

  private CompletableFuture<String> send(String path, String contentType, byte[] body, Duration timeout, int expectedStatus) {
    URI uri = URI.create(base + path);
    return http.exchange(new HttpExchanger.Request("POST", uri, null, contentType, body, timeout))
        .thenApply(response -> {
          String text = new String(response.body(), StandardCharsets.UTF_8);
          if (response.status() != expectedStatus) {
            throw new IllegalStateException("POST " + uri + " answered " + response.status() + ": " + text);
          }
          return text;
        });
  }

  private <T> T join(CompletableFuture<T> call) {
    try {
      return call.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.toString(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a call to " + base, e);
    }
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
