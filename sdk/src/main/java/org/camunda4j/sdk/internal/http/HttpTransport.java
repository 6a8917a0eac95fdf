package org.camunda4j.sdk.internal.http;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
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
  private final String baseText;
  private final HttpExchanger http;
  private final AuthProvider auth;
  private final BackpressureGate gate;
  private final ScheduledExecutorService scheduler;
  private final Backoff retryBackoff = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(2), Backoff.Jitter.FULL);

  public HttpTransport(URI base, HttpExchanger http, AuthProvider auth, BackpressureGate gate,
      ScheduledExecutorService scheduler) {
    this.base = base;
    this.baseText = base.toString();
    this.http = http;
    this.auth = auth;
    this.gate = gate;
    this.scheduler = scheduler;
  }

  /** The User-Agent every request carries. */
  public static String userAgent() {
    String version = HttpTransport.class.getPackage().getImplementationVersion();
    return "camunda4j-sdk/" + (version == null ? "dev" : version) + " java/" + Runtime.version().feature();
  }

  public URI base() {
    return base;
  }

  /** See {@link HttpExchanger#connectionsLost()}. */
  public long connectionsLost() {
    return http.connectionsLost();
  }

  public BackpressureGate gate() {
    return gate;
  }

  /** A request to send. {@code responseType} null = ignore the body; {@code headers} are sent as well. */
  public record Call(
      String method, String path, byte[] body, String contentType, JavaType responseType, RetryMode retry,
      boolean gated, Duration timeout, Map<String, String> headers) {

    public Call(String method, String path, byte[] body, String contentType, JavaType responseType, RetryMode retry,
        boolean gated, Duration timeout) {
      this(method, path, body, contentType, responseType, retry, gated, timeout, Map.of());
    }

    public static Call json(String method, String path, Object body, JavaType responseType, RetryMode retry) {
      return new Call(method, path, body == null ? null : Json.write(body), body == null ? null : "application/json",
          responseType, retry, false, DEFAULT_TIMEOUT);
    }

    public Call withTimeout(Duration newTimeout) {
      return new Call(method, path, body, contentType, responseType, retry, gated, newTimeout, headers);
    }

    public Call asGated() {
      return new Call(method, path, body, contentType, responseType, retry, true, timeout, headers);
    }

    /** This call with one more header; a null value adds none. */
    public Call withHeader(String name, String value) {
      if (value == null) {
        return this;
      }
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Call(method, path, body, contentType, responseType, retry, gated, timeout, Map.copyOf(more));
    }

    String describe() {
      return method + " /v2" + path;
    }
  }

  public <T> CompletableFuture<T> send(Call call) {
    CancellableChain<T> chain = new CancellableChain<>(HttpTransport::decode);
    attempt(call, 1, false, chain);
    return chain.result;
  }

  /** A decoded answer and the value of one of its headers (null when the answer had none). */
  public record Answer<T>(T body, String header) {}

  /** As {@link #send(Call)}, also reading the response header {@code header} of the successful answer. */
  public <T> CompletableFuture<Answer<T>> send(Call call, String header) {
    CancellableChain<Answer<T>> chain = new CancellableChain<>(
        (sent, response) -> new Answer<>(HttpTransport.<T>decode(sent, response), response.header(header)));
    attempt(call, 1, false, chain);
    return chain.result;
  }

  /**
   * The future handed to the caller; cancelling it aborts whichever HTTP exchange is current.
   */
  private static final class CancellableChain<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();
    final BiFunction<Call, HttpExchanger.Response, T> decoder;
    volatile CompletableFuture<?> currentExchange;

    CancellableChain(BiFunction<Call, HttpExchanger.Response, T> decoder) {
      this.decoder = decoder;
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
          if (failure == null && response.status() == 401 && !reauthenticated && auth.invalidate()) {
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

  private CompletableFuture<HttpExchanger.Response> exchange(Call call, Optional<String> authorization,
      CancellableChain<?> chain) {
    CompletableFuture<HttpExchanger.Response> exchange = http.exchange(new HttpExchanger.Request(call.method,
        URI.create(baseText + call.path), authorization.orElse(null), call.contentType, call.body, call.timeout,
        call.headers));
    chain.currentExchange = exchange;
    if (chain.result.isCancelled()) {
      exchange.cancel(true);
    }
    return exchange;
  }

  private <T> void handleResponse(Call call, HttpExchanger.Response response, int attemptNo, boolean reauthenticated,
      CancellableChain<T> chain) {
    int status = response.status();
    if (status / 100 == 2) {
      if (call.gated) {
        gate.onSuccess();
      }
      try {
        chain.result.complete(chain.decoder.apply(call, response));
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
  private static <T> T decode(Call call, HttpExchanger.Response response) {
    if (call.responseType == null || response.body().length == 0) {
      return null;
    }
    try {
      return (T) Json.mapper().readValue(response.body(), call.responseType);
    } catch (IOException e) {
      throw new CamundaTransportException(call.describe() + " answered " + response.status()
          + " with a body that does not match " + call.responseType + ": " + e.getMessage(), e);
    }
  }

  private static ProblemDetail problem(Call call, HttpExchanger.Response response) {
    byte[] body = response.body();
    String contentType = response.contentType();
    if (body.length > 0 && contentType.contains("json")) {
      try {
        ProblemDetail parsed = Json.mapper().readValue(body, ProblemDetail.class);
        return new ProblemDetail(parsed.type(), parsed.title(), response.status(), parsed.detail(),
            parsed.instance());
      } catch (IOException ignored) {
        // fall through: report the raw body
      }
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    return new ProblemDetail(null, null, response.status(), text.length() > 500 ? text.substring(0, 500) : text,
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
