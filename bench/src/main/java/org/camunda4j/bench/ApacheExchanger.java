package org.camunda4j.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import javax.net.ssl.SSLContext;
import org.camunda4j.sdk.internal.http.HttpExchanger;

/**
 * {@link HttpExchanger} on Apache HttpClient 5 async (the library under the official Java client's
 * REST transport): one I/O reactor thread, pooled HTTP/1.1 connections, callbacks on the reactor
 * thread. For the transport comparison in {@code bench cross-process} only (worker modifier {@code :apache}).
 */
public final class ApacheExchanger implements HttpExchanger {

  private static final byte[] EMPTY = new byte[0];

  private final CloseableHttpAsyncClient http;

  /** {@code tls} is not applied: the comparison runs over plain HTTP on loopback. */
  public ApacheExchanger(Duration connectTimeout, String userAgent, SSLContext tls) {
    this.http = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(10_000)
            .setMaxConnPerRoute(10_000)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build())
            .build())
        .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
        .setUserAgent(userAgent)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .build();
    http.start();
  }

  @Override
  public CompletableFuture<Response> exchange(Request request) {
    SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method()).setUri(request.uri())
        .addHeader("Accept", ACCEPT)
        .setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.timeout())).build());
    if (request.authorization() != null) {
      builder.addHeader("Authorization", request.authorization());
    }
    request.headers().forEach(builder::addHeader);
    if (request.body() != null) {
      builder.setBody(request.body(), ContentType.parse(request.contentType()));
    }
    SimpleHttpRequest built = builder.build();
    CompletableFuture<Response> result = new CompletableFuture<>();
    Future<SimpleHttpResponse> inFlight = http.execute(SimpleRequestProducer.create(built),
        SimpleResponseConsumer.create(), new FutureCallback<>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            Header contentType = response.getFirstHeader("Content-Type");
            byte[] body = response.getBodyBytes();
            result.complete(new Response(response.getCode(), contentType == null ? "" : contentType.getValue(),
                body == null ? EMPTY : body, name -> {
                  Header header = response.getFirstHeader(name);
                  return header == null ? null : header.getValue();
                }));
          }

          @Override
          public void failed(Exception error) {
            result.completeExceptionally(error);
          }

          @Override
          public void cancelled() {
            result.cancel(false);
          }
        });
    result.whenComplete((ignored, error) -> {
      if (result.isCancelled()) {
        inFlight.cancel(true);
      }
    });
    return result;
  }

  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
  }
}
