package org.camunda4j.sdk.internal.client;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaConfigurationException;
import org.camunda4j.sdk.DeploymentResult;
import org.camunda4j.sdk.ExecutionStrategy;
import org.camunda4j.sdk.Incident;
import org.camunda4j.sdk.JobActivationRequest;
import org.camunda4j.sdk.JobCompletionRequest;
import org.camunda4j.sdk.JobErrorRequest;
import org.camunda4j.sdk.JobFailRequest;
import org.camunda4j.sdk.JobHandler;
import org.camunda4j.sdk.JobUpdateRequest;
import org.camunda4j.sdk.JobWorker;
import org.camunda4j.sdk.MessageCorrelationRequest;
import org.camunda4j.sdk.MessageCorrelationResult;
import org.camunda4j.sdk.MessagePublicationRequest;
import org.camunda4j.sdk.MessagePublicationResult;
import org.camunda4j.sdk.ProcessInstance;
import org.camunda4j.sdk.ProcessInstanceCreationRequest;
import org.camunda4j.sdk.ProcessInstanceCreationResult;
import org.camunda4j.sdk.ProcessInstanceMigrationRequest;
import org.camunda4j.sdk.SearchRequest;
import org.camunda4j.sdk.SearchResult;
import org.camunda4j.sdk.Topology;
import org.camunda4j.sdk.UserTask;
import org.camunda4j.sdk.UserTaskUpdate;
import org.camunda4j.sdk.WorkerConfig;
import org.camunda4j.sdk.internal.http.HttpTransport;
import org.camunda4j.sdk.internal.http.HttpTransport.Call;
import org.camunda4j.sdk.internal.http.Multipart;
import org.camunda4j.sdk.internal.http.RetryMode;
import org.camunda4j.sdk.internal.json.Json;
import org.camunda4j.sdk.internal.json.Wire;
import org.camunda4j.sdk.internal.worker.DefaultJobWorker;
import org.camunda4j.sdk.internal.worker.WorkerEnvironment;
import org.camunda4j.sdk.internal.worker.WorkerSettings;

/** The async client: each operation is one REST call through the shared transport. */
public final class DefaultCamundaAsyncClient implements CamundaAsyncClient {

  private final ClientRuntime runtime;
  private final HttpTransport transport;
  private final DefaultCamundaClient blocking;

  DefaultCamundaAsyncClient(ClientRuntime runtime) {
    this.runtime = runtime;
    this.transport = runtime.transport();
    this.blocking = new DefaultCamundaClient(this);
  }

  ClientRuntime runtime() {
    return runtime;
  }

  @Override
  public CamundaClient blocking() {
    return blocking;
  }

  private static JavaType type(Class<?> type) {
    return Json.mapper().constructType(type);
  }

  private static JavaType searchOf(Class<?> item) {
    return Json.mapper().getTypeFactory().constructParametricType(SearchResult.class, item);
  }

  private <T> CompletableFuture<T> call(Call call) {
    if (runtime.isClosed()) {
      return CompletableFuture.failedFuture(new IllegalStateException("the Camunda client is closed"));
    }
    return transport.send(call);
  }

  private String tenant(String explicit) {
    return explicit != null ? explicit : runtime.configuration().defaultTenantId().orElse(null);
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  // --- deployments and process instances

  @Override
  public CompletableFuture<DeploymentResult> deployResources(Path... files) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        resources.put(file.getFileName().toString(), Files.readAllBytes(file));
      } catch (IOException e) {
        return CompletableFuture.failedFuture(new UncheckedIOException("cannot read resource " + file, e));
      }
    }
    return deploy(resources);
  }

  @Override
  public CompletableFuture<DeploymentResult> deployResourcesFromClasspath(String... resourceNames) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
        DefaultCamundaAsyncClient.class.getClassLoader());
    for (String name : resourceNames) {
      String path = name.startsWith("/") ? name.substring(1) : name;
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          return CompletableFuture.failedFuture(new IllegalArgumentException(
              "no classpath resource '" + name + "' (looked up with " + loader + ")"));
        }
        resources.put(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
      } catch (IOException e) {
        return CompletableFuture.failedFuture(new UncheckedIOException("cannot read classpath resource " + name, e));
      }
    }
    return deploy(resources);
  }

  private CompletableFuture<DeploymentResult> deploy(Map<String, byte[]> resources) {
    if (resources.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("nothing to deploy: name at least one resource"));
    }
    Multipart form = new Multipart();
    resources.forEach((name, content) -> form.file("resources", name, content));
    runtime.configuration().defaultTenantId().ifPresent(tenant -> form.field("tenantId", tenant));
    // Parsing and validating models can take a while on a busy cluster: wait longer than for other calls.
    return call(new Call("POST", "/deployments", form.body(), form.contentType(), type(DeploymentResult.class),
        RetryMode.REJECTED_ONLY, false, Duration.ofMinutes(2)));
  }

  @Override
  public CompletableFuture<ProcessInstanceCreationResult> createProcessInstance(ProcessInstanceCreationRequest request) {
    Wire.CreateInstance body = new Wire.CreateInstance(request.processDefinitionId(),
        request.processDefinitionVersion(),
        request.processDefinitionKey() == null ? null : String.valueOf(request.processDefinitionKey()),
        request.variables(), tenant(request.tenantId()), request.awaitCompletion() ? true : null,
        request.fetchVariables(), millis(request.requestTimeout()), request.tags());
    Call call = Call.json("POST", "/process-instances", body, type(ProcessInstanceCreationResult.class),
        RetryMode.REJECTED_ONLY);
    if (request.awaitCompletion()) {
      Duration wait = request.requestTimeout() == null ? Duration.ofSeconds(60) : request.requestTimeout();
      call = call.withTimeout(wait.plusSeconds(10));
    }
    return call(call);
  }

  @Override
  public CompletableFuture<ProcessInstance> getProcessInstance(long processInstanceKey) {
    return call(Call.json("GET", "/process-instances/" + processInstanceKey, null, type(ProcessInstance.class),
        RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<SearchResult<ProcessInstance>> searchProcessInstances(SearchRequest request) {
    return call(Call.json("POST", "/process-instances/search", request, searchOf(ProcessInstance.class),
        RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return call(Call.json("POST", "/process-instances/" + processInstanceKey + "/cancellation", new Wire.Empty(),
        null, RetryMode.IDEMPOTENT));
  }

  /** Not idempotent: a migration done once no longer fits its own plan, so only a request proven unprocessed is retried. */
  @Override
  public CompletableFuture<Void> migrateProcessInstance(long processInstanceKey, ProcessInstanceMigrationRequest request) {
    Wire.MigrateProcessInstance body = new Wire.MigrateProcessInstance(
        Long.toString(request.targetProcessDefinitionKey()),
        request.mappingInstructions().stream().map(m -> new Wire.MappingInstruction(m.sourceElementId(), m.targetElementId())).toList());
    return call(Call.json("POST", "/process-instances/" + processInstanceKey + "/migration", body, null, RetryMode.REJECTED_ONLY));
  }

  // --- messages

  @Override
  public CompletableFuture<MessagePublicationResult> publishMessage(MessagePublicationRequest request) {
    Wire.PublishMessage body = new Wire.PublishMessage(request.name(), request.correlationKey(),
        millis(request.timeToLive()), request.messageId(), request.variables(), tenant(request.tenantId()));
    return call(Call.json("POST", "/messages/publication", body, type(MessagePublicationResult.class),
        RetryMode.REJECTED_ONLY));
  }

  @Override
  public CompletableFuture<MessageCorrelationResult> correlateMessage(MessageCorrelationRequest request) {
    Wire.CorrelateMessage body = new Wire.CorrelateMessage(request.name(), request.correlationKey(),
        request.variables(), tenant(request.tenantId()));
    return call(Call.json("POST", "/messages/correlation", body, type(MessageCorrelationResult.class),
        RetryMode.REJECTED_ONLY));
  }

  // --- jobs

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(JobActivationRequest request) {
    List<String> tenants = request.tenantIds() != null ? request.tenantIds() : runtime.configuration().tenantIds();
    Duration requestTimeout = request.requestTimeout() == null ? Duration.ZERO : request.requestTimeout();
    Wire.ActivateJobs body = new Wire.ActivateJobs(request.type(), request.worker(), request.timeout().toMillis(),
        request.maxJobsToActivate(), request.fetchVariable(), requestTimeout.toMillis(),
        tenants.isEmpty() ? null : tenants, null);
    Call call = Call.json("POST", "/jobs/activation", body, type(Wire.ActivatedJobs.class), RetryMode.NONE)
        .asGated()
        .withTimeout(requestTimeout.isNegative() ? HttpTransport.DEFAULT_TIMEOUT
            : requestTimeout.isZero() ? Duration.ofSeconds(40) : requestTimeout.plusSeconds(10));
    return this.<Wire.ActivatedJobs>call(call).thenApply(Wire.ActivatedJobs::jobs);
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, JobCompletionRequest request) {
    return call(Call.json("POST", "/jobs/" + jobKey + "/completion",
        request == null ? JobCompletionRequest.empty() : request, null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> failJob(long jobKey, JobFailRequest request) {
    Wire.FailJob body = new Wire.FailJob(request.retries(), request.errorMessage(), millis(request.retryBackOff()),
        request.variables());
    return call(Call.json("POST", "/jobs/" + jobKey + "/failure", body, null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> throwJobError(long jobKey, JobErrorRequest request) {
    Wire.ThrowError body = new Wire.ThrowError(request.errorCode(), request.errorMessage(), request.variables());
    return call(Call.json("POST", "/jobs/" + jobKey + "/error", body, null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> updateJob(long jobKey, JobUpdateRequest request) {
    Wire.UpdateJob body = new Wire.UpdateJob(new Wire.UpdateJob.Changeset(request.retries(), millis(request.timeout())));
    return call(Call.json("PATCH", "/jobs/" + jobKey, body, null, RetryMode.IDEMPOTENT));
  }

  // --- user tasks

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee) {
    if (assignee == null || assignee.isBlank()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("assignee must not be blank"));
    }
    return call(Call.json("POST", "/user-tasks/" + userTaskKey + "/assignment",
        new Wire.AssignUserTask(assignee, true, null), null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> unassignUserTask(long userTaskKey) {
    return call(Call.json("DELETE", "/user-tasks/" + userTaskKey + "/assignee", null, null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables) {
    return call(Call.json("POST", "/user-tasks/" + userTaskKey + "/completion",
        new Wire.CompleteUserTask(variables, null), null, RetryMode.REJECTED_ONLY));
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update) {
    Map<String, Object> changeset = new LinkedHashMap<>();
    if (update.dueDate() != null) changeset.put("dueDate", update.dueDate());
    if (update.followUpDate() != null) changeset.put("followUpDate", update.followUpDate());
    if (update.candidateUsers() != null) changeset.put("candidateUsers", update.candidateUsers());
    if (update.candidateGroups() != null) changeset.put("candidateGroups", update.candidateGroups());
    if (update.priority() != null) changeset.put("priority", update.priority());
    return call(Call.json("PATCH", "/user-tasks/" + userTaskKey,
        new Wire.UpdateUserTask(changeset, update.action()), null, RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<UserTask> getUserTask(long userTaskKey) {
    return call(Call.json("GET", "/user-tasks/" + userTaskKey, null, type(UserTask.class), RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<SearchResult<UserTask>> searchUserTasks(SearchRequest request) {
    return call(Call.json("POST", "/user-tasks/search", request, searchOf(UserTask.class), RetryMode.IDEMPOTENT));
  }

  // --- incidents and cluster

  @Override
  public CompletableFuture<SearchResult<Incident>> searchIncidents(SearchRequest request) {
    return call(Call.json("POST", "/incidents/search", request, searchOf(Incident.class), RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return call(Call.json("POST", "/incidents/" + incidentKey + "/resolution", new Wire.Empty(), null,
        RetryMode.IDEMPOTENT));
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return call(Call.json("GET", "/topology", null, type(Topology.class), RetryMode.IDEMPOTENT));
  }

  // --- workers

  @Override
  public JobWorker createJobWorker(WorkerConfig config, JobHandler handler) {
    return createJobWorker(config, ExecutionStrategy.AUTO, handler, null);
  }

  @Override
  public <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler) {
    return createJobWorker(config, strategy, handler, null);
  }

  @Override
  public <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler,
      Duration startupJitterMax) {
    runtime.ensureOpen();
    if (config == null) {
      throw new CamundaConfigurationException("config", "a worker needs a WorkerConfig");
    }
    if (strategy == null) {
      throw new CamundaConfigurationException("strategy", "a worker needs an ExecutionStrategy");
    }
    if (handler == null) {
      throw new CamundaConfigurationException("handler", "a worker needs a handler");
    }
    WorkerSettings settings = WorkerSettings.resolve(config, runtime.configuration().workerDefaults(),
        runtime.configuration().tenantIds(), startupJitterMax);
    WorkerEnvironment environment =
        new WorkerEnvironment(transport, runtime.scheduler(), this, blocking, runtime::isClosed);
    DefaultJobWorker worker = DefaultJobWorker.start(settings, strategy, handler, environment, runtime::unregister);
    runtime.register(worker);
    return worker;
  }

  @Override
  public List<JobWorker> workers() {
    return runtime.workers();
  }

  @Override
  public void runWorkers() {
    runtime.runWorkers();
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "CamundaAsyncClient[" + runtime.configuration().restAddress() + "]";
  }
}
