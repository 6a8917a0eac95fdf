package org.camunda4j.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda4j.engine.Engine;
import org.camunda4j.engine.EngineConfig;
import org.camunda4j.engine.EngineClock;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.DeploymentResult;
import org.camunda4j.sdk.JobActivationRequest;
import org.camunda4j.sdk.JobErrorRequest;
import org.camunda4j.sdk.JobFailRequest;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.MessagePublicationRequest;
import org.camunda4j.sdk.MessagePublicationResult;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.ProcessInstanceMigrationRequest;
import org.camunda4j.sdk.UserTask;
import org.camunda4j.testing.internal.ClusterReads;
import org.camunda4j.testing.internal.KitCredentials;
import org.camunda4j.testing.internal.Waiter;
import org.jspecify.annotations.Nullable;

/**
 * One in-process engine with clients configured for it, plus the helpers a process test needs:
 * start instances, drive jobs, messages and user tasks by hand, move the clock, and assert. Made
 * and closed by {@link CamundaExtension}; {@link #start} is there for code outside JUnit.
 */
public final class CamundaTestContext implements AutoCloseable {

  /** The worker name the helpers activate jobs with, so the engine shows who held a job. */
  public static final String HELPER_WORKER = "camunda4j-testing";

  private static final Duration HELPER_LOCK = Duration.ofSeconds(30);

  private final Engine engine;
  private final Map<String, String> configuration;
  private final CamundaAsyncClient asyncClient;
  private final ClusterReads reads;
  private final Waiter waiter;
  private final List<CamundaAsyncClient> extraClients = new ArrayList<>();
  private final KitCredentials credentials;

  private CamundaTestContext(
      Engine engine, Map<String, String> configuration, Duration awaitTimeout, KitCredentials credentials) {
    this.engine = engine;
    this.credentials = credentials;
    Map<String, String> withCredentials = new HashMap<>(credentials.clientConfiguration(engine.restAddress()));
    withCredentials.putAll(configuration);
    this.configuration = Map.copyOf(withCredentials);
    this.asyncClient = buildClient(Map.of());
    this.reads = new ClusterReads(asyncClient.blocking(), engine.restAddress(), credentials);
    this.waiter = new Waiter(awaitTimeout);
  }

  /**
   * Starts an engine and clients configured from {@code configuration} ({@code CAMUNDA_*} keys; the
   * REST address is the engine's, the environment is not read).
   */
  public static CamundaTestContext start(Map<String, String> configuration, Duration awaitTimeout) {
    return start(configuration, awaitTimeout, TestAuthentication.NONE);
  }

  /**
   * Like {@link #start(Map, Duration)}, with an engine that authenticates callers as {@code
   * authentication} says; every client the context builds logs in with made-up credentials.
   */
  public static CamundaTestContext start(
      Map<String, String> configuration, Duration awaitTimeout, TestAuthentication authentication) {
    return start(configuration, awaitTimeout, authentication, List.of());
  }

  /**
   * Like {@link #start(Map, Duration, TestAuthentication)}; with {@code tenants}, the engine runs
   * with multi-tenancy and the kit's caller belongs to them (BASIC if {@code authentication} is NONE).
   */
  public static CamundaTestContext start(
      Map<String, String> configuration, Duration awaitTimeout, TestAuthentication authentication, List<String> tenants) {
    return start(configuration, awaitTimeout, authentication, tenants, false);
  }

  /**
   * Like {@link #start(Map, Duration, TestAuthentication, List)}; with {@code authorizations}, the
   * engine enforces {@code /v2/authorizations} for every caller but the kit's own (BASIC if {@code
   * authentication} is NONE).
   */
  public static CamundaTestContext start(Map<String, String> configuration, Duration awaitTimeout, TestAuthentication authentication,
      List<String> tenants, boolean authorizations) {
    boolean needsCaller = !tenants.isEmpty() || authorizations;
    TestAuthentication mode = needsCaller && authentication == TestAuthentication.NONE ? TestAuthentication.BASIC : authentication;
    KitCredentials credentials = new KitCredentials(mode, tenants);
    Engine engine = Engine.start(EngineConfig.builder().auth(credentials.engineAuth()).multiTenancy(!tenants.isEmpty())
        .authorizations(authorizations).build());
    try {
      return new CamundaTestContext(engine, configuration, awaitTimeout, credentials);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  // --- what tests use directly

  public Engine engine() {
    return engine;
  }

  /** The engine's REST address, e.g. {@code http://127.0.0.1:41235} (clients append {@code /v2}). */
  public URI restAddress() {
    return engine.restAddress();
  }

  /**
   * The {@code Authorization} header the kit's clients send (empty without authentication), for a
   * test's own HTTP calls such as the identity API, which the SDK does not cover.
   */
  public java.util.Optional<String> authorizationHeader() {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      return credentials.authorization(engine.restAddress(), http);
    }
  }

  public CamundaClient client() {
    return asyncClient.blocking();
  }

  public CamundaAsyncClient asyncClient() {
    return asyncClient;
  }

  /** Pin and advance the engine's time: fires timers, expires job locks, ends retry backoffs. */
  public EngineClock clock() {
    return engine.clock();
  }

  /** How long assertions and helpers wait. */
  public Duration awaitTimeout() {
    return waiter.timeout();
  }

  /**
   * Another client on the same engine with extra configuration over this context's, e.g. other
   * {@code CAMUNDA_WORKER_*} defaults; closed with the context.
   */
  public CamundaAsyncClient newClient(Map<String, String> extraConfiguration) {
    CamundaAsyncClient client = buildClient(extraConfiguration);
    synchronized (extraClients) {
      extraClients.add(client);
    }
    return client;
  }

  private CamundaAsyncClient buildClient(Map<String, String> extraConfiguration) {
    Map<String, String> merged = new HashMap<>(configuration);
    merged.putAll(extraConfiguration);
    merged.put("CAMUNDA_REST_ADDRESS", engine.restAddress().toString());
    return CamundaAsyncClient.builder().environment(Map.of()).configuration(merged).buildAsync();
  }

  // --- deployments and instances

  public DeploymentResult deploy(String... classpathResources) {
    return client().deployResourcesFromClasspath(classpathResources);
  }

  public ProcessInstanceCreationResult startInstance(String processId) {
    return startInstance(processId, Map.of());
  }

  public ProcessInstanceCreationResult startInstance(String processId, Map<String, Object> variables) {
    return client().createProcessInstance(ProcessInstanceCreationRequest.ofProcessId(processId).withVariables(variables));
  }

  public ProcessInstanceAssert assertThat(ProcessInstanceCreationResult instance) {
    return assertThat(instance.processInstanceKey());
  }

  public ProcessInstanceAssert assertThat(long processInstanceKey) {
    return new ProcessInstanceAssert(processInstanceKey, reads, waiter);
  }

  // --- migration

  /**
   * Migrates a running instance to the version of its process that {@code target} deployed, each
   * source element id mapped to the target element id it becomes ({@link
   * org.camunda4j.sdk.CamundaApiException} 400, 404 or 409 when the plan does not fit: nothing
   * changes then).
   */
  public void migrate(ProcessInstanceCreationResult instance, DeploymentResult target, Map<String, String> mappings) {
    long targetKey =
        target.process(instance.processDefinitionId())
            .orElseThrow(() -> new IllegalArgumentException(
                "the deployment " + target.deploymentKey() + " has no process '" + instance.processDefinitionId() + "' to migrate to"))
            .processDefinitionKey();
    ProcessInstanceMigrationRequest request = ProcessInstanceMigrationRequest.to(targetKey);
    for (Map.Entry<String, String> mapping : mappings.entrySet()) {
      request = request.map(mapping.getKey(), mapping.getValue());
    }
    migrate(instance.processInstanceKey(), request);
  }

  /** Migrates a running instance as {@code request} says (to any process definition). */
  public void migrate(long processInstanceKey, ProcessInstanceMigrationRequest request) {
    client().migrateProcessInstance(processInstanceKey, request);
  }

  // --- driving jobs by hand

  /** Waits for a job of {@code type}, completes it without variables, and returns it. */
  public ActivatedJob completeNextJob(String type) {
    return completeNextJob(type, Map.of());
  }

  /** Waits for a job of {@code type}, completes it with {@code variables}, and returns it. */
  public ActivatedJob completeNextJob(String type, Map<String, Object> variables) {
    ActivatedJob job = nextJob(type);
    client().completeJob(job.jobKey(), variables);
    return job;
  }

  /** Waits for a job of {@code type} and fails it with one retry fewer, no backoff. */
  public ActivatedJob failNextJob(String type, String message) {
    ActivatedJob job = nextJob(type);
    client().failJob(job.jobKey(), JobFailRequest.of(message, Math.max(0, job.retries() - 1)));
    return job;
  }

  /** Waits for a job of {@code type} and fails it leaving {@code retries} (0 raises an incident). */
  public ActivatedJob failNextJob(String type, String message, int retries) {
    ActivatedJob job = nextJob(type);
    client().failJob(job.jobKey(), JobFailRequest.of(message, retries));
    return job;
  }

  /** Waits for a job of {@code type} and throws the BPMN error {@code errorCode} on it. */
  public ActivatedJob throwErrorOnNextJob(String type, String errorCode) {
    ActivatedJob job = nextJob(type);
    client().throwJobError(job.jobKey(), JobErrorRequest.of(errorCode, "thrown by the test"));
    return job;
  }

  /** Waits until a job of {@code type} can be activated, and activates it (locked for 30 s). */
  public ActivatedJob nextJob(String type) {
    // No long poll (negative request timeout): the waiter polls, so its bound is the only one.
    JobActivationRequest activation =
        new JobActivationRequest(type, 1, HELPER_LOCK, HELPER_WORKER, null, Duration.ofMillis(-1), null);
    return waiter.await(
        () -> client().activateJobs(activation).stream().findFirst(),
        () -> "Expected a job of type '" + type + "' to become activatable, but none did");
  }

  // --- messages and user tasks

  public MessagePublicationResult publishMessage(String name, String correlationKey) {
    return publishMessage(name, correlationKey, Map.of());
  }

  /** Publishes a message buffered for an hour, so it also reaches a subscription opened a little later. */
  public MessagePublicationResult publishMessage(String name, String correlationKey, Map<String, Object> variables) {
    return client().publishMessage(MessagePublicationRequest.of(name, correlationKey)
        .withTimeToLive(Duration.ofHours(1)).withVariables(variables));
  }

  /** Waits for an open user task at {@code elementId} (of any instance) and completes it. */
  public UserTask completeUserTask(String elementId, Map<String, Object> variables) {
    return completeOpenUserTask(null, elementId, variables);
  }

  /** Waits for an open user task at {@code elementId} of this instance and completes it. */
  public UserTask completeUserTask(ProcessInstanceCreationResult instance, String elementId, Map<String, Object> variables) {
    return completeOpenUserTask(instance.processInstanceKey(), elementId, variables);
  }

  /** Waits for an open user task at {@code elementId} of this instance, e.g. to assign it first. */
  public UserTask nextUserTask(ProcessInstanceCreationResult instance, String elementId) {
    return openUserTask(instance.processInstanceKey(), elementId);
  }

  private UserTask completeOpenUserTask(@Nullable Long processInstanceKey, String elementId, Map<String, Object> variables) {
    UserTask task = openUserTask(processInstanceKey, elementId);
    client().completeUserTask(task.userTaskKey(), variables);
    return task;
  }

  private UserTask openUserTask(@Nullable Long processInstanceKey, String elementId) {
    return waiter.await(
        () -> reads.openUserTasks(elementId, processInstanceKey).stream().findFirst(),
        () -> "Expected an open user task at '" + elementId + "'"
            + (processInstanceKey == null ? "" : " of process instance " + processInstanceKey) + ", but there was none");
  }

  // --- lifecycle

  /** Workers that exist now; {@link #closeWorkersExcept} later closes the ones a test added. */
  Set<JobWorker> workersNow() {
    return Set.copyOf(asyncClient.workers());
  }

  void closeWorkersExcept(Set<JobWorker> keep) {
    asyncClient.workers().stream().filter(w -> !keep.contains(w)).forEach(JobWorker::close);
  }

  /** Closes the clients (and so their workers, gracefully) and then the engine. Idempotent. */
  @Override
  public void close() {
    List<AutoCloseable> closing = new ArrayList<>();
    synchronized (extraClients) {
      closing.addAll(extraClients);
      extraClients.clear();
    }
    closing.add(asyncClient);
    closing.add(reads);
    closing.add(engine);
    RuntimeException failure = null;
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the test engine failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
