package org.camunda4j.sdk.internal.http;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda4j.sdk.CamundaApiException;
import org.camunda4j.sdk.CamundaException;
import org.camunda4j.sdk.CamundaTransportException;
import org.camunda4j.sdk.ProblemDetail;
import org.camunda4j.sdk.internal.auth.AuthProvider;
import org.camunda4j.sdk.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends REST calls: JSON in and out, auth header, problem+json errors as {@link CamundaApiException},
 * transport errors as {@link CamundaTransportException}, optional retries and the backpressure gate.
 * Cancelling a returned future aborts the exchange (this is how a worker ends its long poll).
 */
public final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final int MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;
  private final AuthProvider auth;
  private final BackpressureGate gate;
  private final ScheduledExecutorService scheduler;
  private final Backoff retryBackoff = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(2), Backoff.Jitter.FULL);
  private final String userAgent;

  public HttpTransport(URI base, HttpClient http, AuthProvider auth, BackpressureGate gate,
      ScheduledExecutorService scheduler) {
    this.base = base;
    this.http = http;
    this.auth = auth;
    this.gate = gate;
    this.scheduler = scheduler;
    String version = HttpTransport.class.getPackage().getImplementationVersion();
    this.userAgent = "camunda4j-sdk/" + (version == null ? "dev" : version) + " java/" + Runtime.version().feature();
  }

  public URI base() {
    return base;
  }

  public BackpressureGate gate() {
    return gate;
  }

  /** A request to send. {@code responseType} null = ignore the body. */
  public record Call(
      String method, String path, byte[] body, String contentType, JavaType responseType, RetryMode retry,
      boolean gated, Duration timeout) {

    public static Call json(String method, String path, Object body, JavaType responseType, RetryMode retry) {
      return new Call(method, path, body == null ? null : Json.write(body), body == null ? null : "application/json",
          responseType, retry, false, DEFAULT_TIMEOUT);
    }

    public Call withTimeout(Duration newTimeout) {
      return new Call(method, path, body, contentType, responseType, retry, gated, newTimeout);
    }

    public Call asGated() {
      return new Call(method, path, body, contentType, responseType, retry, true, timeout);
    }

    String describe() {
      return method + " /v2" + path;
    }
  }

  public <T> CompletableFuture<T> send(Call call) {
    CancellableChain<T> chain = new CancellableChain<>();
    attempt(call, 1, false, chain);
    return chain.result;
  }

  /**
   * The future handed to the caller; cancelling it aborts whichever HTTP exchange is current.
   */
  private static final class CancellableChain<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();
    volatile CompletableFuture<?> currentExchange;

    CancellableChain() {
      result.whenComplete((v, e) -> {
        if (result.isCancelled()) {
          CompletableFuture<?> exchange = currentExchange;
          if (exchange != null) {
            exchange.cancel(true);
          }
        }
      });
    }
  }

  private <T> void attempt(Call call, int attemptNo, boolean reauthenticated, CancellableChain<T> chain) {
    if (chain.result.isDone()) {
      return;
    }
    CompletableFuture<Void> permit = call.gated ? gate.acquire() : CompletableFuture.completedFuture(null);
    java.util.concurrent.atomic.AtomicBoolean holdsPermit = new java.util.concurrent.atomic.AtomicBoolean();
    chain.currentExchange = permit;
    permit
        .thenCompose(ignored -> {
          holdsPermit.set(call.gated);
          return auth.authorization();
        })
        .thenCompose(header -> exchange(call, header, chain))
        .whenComplete((response, error) -> {
          if (holdsPermit.get()) {
            gate.release(); // only a permit actually granted goes back, never one cancelled while waiting
          }
          if (chain.result.isDone()) {
            return;
          }
          Throwable failure = unwrap(error);
          if (failure == null && response.statusCode() == 401 && !reauthenticated && auth.invalidate()) {
            attempt(call, attemptNo, true, chain);
            return;
          }
          if (failure == null) {
            handleResponse(call, response, attemptNo, reauthenticated, chain);
          } else {
            handleFailure(call, failure, attemptNo, reauthenticated, chain);
          }
        });
  }

  private CompletableFuture<HttpResponse<byte[]>> exchange(Call call, Optional<String> authorization,
      CancellableChain<?> chain) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path))
        .timeout(call.timeout)
        .header("Accept", "application/json, application/problem+json")
        .header("User-Agent", userAgent);
    authorization.ifPresent(value -> builder.header("Authorization", value));
    if (call.body != null) {
      builder.header("Content-Type", call.contentType);
      builder.method(call.method, HttpRequest.BodyPublishers.ofByteArray(call.body));
    } else {
      builder.method(call.method, HttpRequest.BodyPublishers.noBody());
    }
    CompletableFuture<HttpResponse<byte[]>> exchange = blockingExchange(http, builder.build());
    chain.currentExchange = exchange;
    if (chain.result.isCancelled()) {
      exchange.cancel(true);
    }
    return exchange;
  }

  /**
   * Runs a blocking {@code send} on a virtual thread rather than using {@code sendAsync}: the JDK
   * completes {@code sendAsync} futures on the common fork-join pool, which has a single thread on a
   * two-core machine and which any application code may block; the SDK's polls and acknowledgements
   * must not depend on it. Cancelling the returned future interrupts the thread, which aborts the
   * exchange (that is how a worker ends its long poll at shutdown).
   */
  public static CompletableFuture<HttpResponse<byte[]>> blockingExchange(HttpClient http, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> exchange = new CompletableFuture<>();
    Thread thread = Thread.ofVirtual().name("camunda4j-http").unstarted(() -> {
      try {
        exchange.complete(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
      } catch (InterruptedException e) {
        exchange.cancel(false);
      } catch (Throwable e) {
        exchange.completeExceptionally(e);
      }
    });
    exchange.whenComplete((response, error) -> {
      if (exchange.isCancelled()) {
        thread.interrupt();
      }
    });
    thread.start();
    return exchange;
  }

  private <T> void handleResponse(Call call, HttpResponse<byte[]> response, int attemptNo, boolean reauthenticated,
      CancellableChain<T> chain) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      if (call.gated) {
        gate.onSuccess();
      }
      try {
        chain.result.complete(decode(call, response));
      } catch (RuntimeException e) {
        chain.result.completeExceptionally(e);
      }
      return;
    }
    CamundaApiException problem = new CamundaApiException(call.describe(), problem(call, response));
    if (call.gated && problem.isBackpressure()) {
      gate.onBackpressure();
    }
    if (shouldRetry(call.retry, problem, attemptNo)) {
      retryLater(call, attemptNo, reauthenticated, chain, problem);
      return;
    }
    chain.result.completeExceptionally(problem);
  }

  private <T> void handleFailure(Call call, Throwable failure, int attemptNo, boolean reauthenticated,
      CancellableChain<T> chain) {
    if (failure instanceof CancellationException) {
      chain.result.cancel(false);
      return;
    }
    CamundaException error = failure instanceof CamundaException known
        ? known
        : new CamundaTransportException(call.describe() + " to " + base + " failed: " + describe(failure), failure);
    boolean retryable = error instanceof CamundaTransportException && attemptNo < MAX_ATTEMPTS
        && (call.retry == RetryMode.IDEMPOTENT
            || (call.retry == RetryMode.REJECTED_ONLY && failure instanceof ConnectException));
    if (retryable) {
      retryLater(call, attemptNo, reauthenticated, chain, error);
      return;
    }
    chain.result.completeExceptionally(error);
  }

  private <T> void retryLater(Call call, int attemptNo, boolean reauthenticated, CancellableChain<T> chain,
      Exception cause) {
    Duration delay = retryBackoff.delay(attemptNo);
    LOG.debug("{} failed ({}); retry {} in {} ms", call.describe(), cause.getMessage(), attemptNo, delay.toMillis());
    scheduler.schedule(() -> attempt(call, attemptNo + 1, reauthenticated, chain), delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static boolean shouldRetry(RetryMode mode, CamundaApiException problem, int attemptNo) {
    if (attemptNo >= MAX_ATTEMPTS) {
      return false;
    }
    return switch (mode) {
      case NONE -> false;
      case IDEMPOTENT -> problem.isTransient() || problem.isBackpressure();
      case REJECTED_ONLY -> problem.isBackpressure();
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> T decode(Call call, HttpResponse<byte[]> response) {
    if (call.responseType == null || response.body().length == 0) {
      return null;
    }
    try {
      return (T) Json.mapper().readValue(response.body(), call.responseType);
    } catch (IOException e) {
      throw new CamundaTransportException(call.describe() + " answered " + response.statusCode()
          + " with a body that does not match " + call.responseType + ": " + e.getMessage(), e);
    }
  }

  private static ProblemDetail problem(Call call, HttpResponse<byte[]> response) {
    byte[] body = response.body();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (body.length > 0 && contentType.contains("json")) {
      try {
        ProblemDetail parsed = Json.mapper().readValue(body, ProblemDetail.class);
        return new ProblemDetail(parsed.type(), parsed.title(), response.statusCode(), parsed.detail(),
            parsed.instance());
      } catch (IOException ignored) {
        // fall through: report the raw body
      }
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return new ProblemDetail(null, null, response.statusCode(), text.length() > 500 ? text.substring(0, 500) : text,
        "/v2" + call.path);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}
