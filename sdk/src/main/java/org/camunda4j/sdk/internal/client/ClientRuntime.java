package org.camunda4j.sdk.internal.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.internal.auth.AuthProvider;
import org.camunda4j.sdk.internal.auth.OAuthClientCredentials;
import org.camunda4j.sdk.internal.config.AuthStrategy;
import org.camunda4j.sdk.internal.config.ClientConfiguration;
import org.camunda4j.sdk.internal.config.ConfigurationResolver;
import org.camunda4j.sdk.internal.http.BackpressureGate;
import org.camunda4j.sdk.internal.http.HttpExchanger;
import org.camunda4j.sdk.internal.http.HttpExchangers;
import org.camunda4j.sdk.internal.http.HttpTransport;
import org.camunda4j.sdk.internal.tls.ClientTls;
import org.camunda4j.sdk.internal.worker.DefaultJobWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two client faces share: configuration, the HTTP transport (one connection pool, one
 * token cache, one backpressure gate), a scheduler for retries, the workers and the lifecycle.
 */
public final class ClientRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ClientConfiguration configuration;
  private final HttpExchanger exchanger;
  private final HttpClient oauthHttpClient; // null unless OAuth is configured
  private final HttpTransport transport;
  private final ScheduledExecutorService scheduler;
  private final List<DefaultJobWorker> workers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final AtomicBoolean hookInstalled = new AtomicBoolean();

  private ClientRuntime(ClientConfiguration configuration) {
    this.configuration = configuration;
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
        Thread.ofPlatform().daemon().name("camunda4j-scheduler-", 0).factory());
    timers.setRemoveOnCancelPolicy(true); // a cancelled timer (its job ended) must not stay queued until it is due
    this.scheduler = timers;
    SSLContext tls = configuration.tls().map(ClientTls::sslContext).orElse(null); // null: the JVM's default
    this.exchanger = HttpExchangers.create(CONNECT_TIMEOUT, HttpTransport.userAgent(), tls);
    if (configuration.authStrategy() == AuthStrategy.OAUTH) {
      HttpClient.Builder oauth = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
      if (tls != null) {
        oauth.sslContext(tls);
      }
      this.oauthHttpClient = oauth.build();
    } else {
      this.oauthHttpClient = null;
    }
    AuthProvider auth = switch (configuration.authStrategy()) {
      case NONE -> AuthProvider.NONE;
      case BASIC -> AuthProvider.basic(configuration.basic().orElseThrow().username(),
          configuration.basic().orElseThrow().password());
      case OAUTH -> new OAuthClientCredentials(configuration.oauth().orElseThrow(), oauthHttpClient, System::nanoTime);
    };
    this.transport = new HttpTransport(configuration.restAddress(), exchanger, auth,
        new BackpressureGate(System::nanoTime, scheduler), scheduler);
  }

  public static CamundaAsyncClient start(Map<String, String> explicit, Map<String, String> environment) {
    ClientConfiguration configuration = ConfigurationResolver.resolve(explicit, environment);
    LOG.debug("Camunda client for {} ({} auth)", configuration.restAddress(), configuration.authStrategy());
    return new DefaultCamundaAsyncClient(new ClientRuntime(configuration));
  }

  public ClientConfiguration configuration() {
    return configuration;
  }

  public HttpTransport transport() {
    return transport;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public boolean isClosed() {
    return closed.get();
  }

  void register(DefaultJobWorker worker) {
    workers.add(worker);
  }

  void unregister(DefaultJobWorker worker) {
    workers.remove(worker);
  }

  List<JobWorker> workers() {
    return List.copyOf(workers);
  }

  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the Camunda client is closed");
    }
  }

  void runWorkers() {
    if (hookInstalled.compareAndSet(false, true)) {
      Thread hook = Thread.ofPlatform().name("camunda4j-shutdown").unstarted(this::close);
      try {
        Runtime.getRuntime().addShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        close();
      }
    }
    try {
      closedLatch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
    }
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      try {
        closedLatch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      // Stop every worker in parallel so the grace periods overlap instead of adding up.
      List<Thread> stoppers = workers.stream()
          .map(worker -> Thread.ofVirtual().start(worker::close))
          .toList();
      for (Thread stopper : stoppers) {
        stopper.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      scheduler.shutdownNow();
      exchanger.close();
      if (oauthHttpClient != null) {
        oauthHttpClient.shutdownNow();
      }
      closedLatch.countDown();
    }
  }
}
