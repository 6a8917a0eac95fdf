package org.camunda4j.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.camunda4j.sdk.internal.http.HttpExchanger;

/**
 * {@link HttpExchanger} on {@code java.net.http.HttpClient} (HTTP/1.1 keep-alive), used as lean as
 * its API allows, for the transport comparison in {@code bench cross-process} (worker modifier
 * {@code :jdk}):
 * <ul>
 *   <li>{@code sendAsync}, not a blocking {@code send} on a thread per call;</li>
 *   <li>the answer is taken from the body subscriber, on the client's I/O thread. The future that
 *       {@code sendAsync} returns completes only after a hop to the common fork-join pool, which on a
 *       two-core machine means a new platform thread per response; only failures (rare) take it;</li>
 *   <li>the client's executor runs its tasks inline ({@code Runnable::run}): no hand-off from the
 *       selector thread to a pool and back. Our callbacks on that thread are short.</li>
 * </ul>
 * Request headers that never change come from one template builder.
 */
public final class JdkExchanger implements HttpExchanger {

  private final HttpClient http;
  private final HttpRequest.Builder template;

  public JdkExchanger(Duration connectTimeout, String userAgent, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder();
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.http = builder
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .executor(Runnable::run)
        .build();
    this.template = HttpRequest.newBuilder().header("Accept", ACCEPT).header("User-Agent", userAgent);
  }

  @Override
  public CompletableFuture<Response> exchange(Request request) {
    HttpRequest.Builder builder = template.copy().uri(request.uri()).timeout(request.timeout());
    if (request.authorization() != null) {
      builder.header("Authorization", request.authorization());
    }
    request.headers().forEach(builder::header);
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType());
      builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    CompletableFuture<Response> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(builder.build(), info ->
        HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
          result.complete(new Response(info.statusCode(), info.headers().firstValue("Content-Type").orElse(""), bytes,
              name -> info.headers().firstValue(name).orElse(null)));
          return null;
        }));
    sent.whenComplete((ignored, error) -> {
      if (error != null) {
        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
            ? error.getCause() : error);
      }
    });
    result.whenComplete((ignored, error) -> {
      if (result.isCancelled()) {
        sent.cancel(true); // aborts the exchange (JDK 16+), which is how a worker ends its long poll
      }
    });
    return result;
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
