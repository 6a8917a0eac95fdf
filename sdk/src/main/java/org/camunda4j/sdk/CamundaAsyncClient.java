package org.camunda4j.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking client of the Orchestration Cluster REST API (v2) and the home of job workers.
 * Every call returns a {@link CompletableFuture} that fails with {@link CamundaApiException} (the
 * cluster said no) or {@link CamundaTransportException} (no answer). Thread-safe; share one per
 * application. {@link #blocking()} is the blocking twin over the same connections.
 *
 * <pre>{@code
 * try (CamundaAsyncClient client = CamundaAsyncClient.create()) {
 *   client.createJobWorker(WorkerConfig.of("my-service-task").withJobTimeout(Duration.ofSeconds(30)),
 *       job -> Map.of("result", "processed"));
 *   client.runWorkers();
 * }
 * }</pre>
 */
public interface CamundaAsyncClient extends AutoCloseable {

  /** A client configured from the environment ({@code CAMUNDA_*} variables). */
  static CamundaAsyncClient create() {
    return builder().buildAsync();
  }

  /** A client configured from this map over the environment. */
  static CamundaAsyncClient create(Map<String, String> configuration) {
    return builder().configuration(configuration).buildAsync();
  }

  static CamundaClientBuilder builder() {
    return new CamundaClientBuilder();
  }

  /** The blocking client sharing this client's connections, workers and lifecycle. */
  CamundaClient blocking();

  // --- deployments and process instances

  CompletableFuture<DeploymentResult> deployResources(Path... files);

  /** Deploys resources found on the classpath, e.g. {@code "processes/order.bpmn"}. */
  CompletableFuture<DeploymentResult> deployResourcesFromClasspath(String... resourceNames);

  CompletableFuture<ProcessInstanceCreationResult> createProcessInstance(ProcessInstanceCreationRequest request);

  CompletableFuture<ProcessInstance> getProcessInstance(long processInstanceKey);

  CompletableFuture<SearchResult<ProcessInstance>> searchProcessInstances(SearchRequest request);

  CompletableFuture<Void> cancelProcessInstance(long processInstanceKey);

  /** Moves a running instance to another process definition, keeping its keys; rejected as a whole (400, 404, 409) if the plan does not fit. */
  CompletableFuture<Void> migrateProcessInstance(long processInstanceKey, ProcessInstanceMigrationRequest request);

  // --- messages

  CompletableFuture<MessagePublicationResult> publishMessage(MessagePublicationRequest request);

  CompletableFuture<MessageCorrelationResult> correlateMessage(MessageCorrelationRequest request);

  // --- jobs

  CompletableFuture<List<ActivatedJob>> activateJobs(JobActivationRequest request);

  CompletableFuture<Void> completeJob(long jobKey, JobCompletionRequest request);

  default CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return completeJob(jobKey, JobCompletionRequest.withVariables(variables));
  }

  CompletableFuture<Void> failJob(long jobKey, JobFailRequest request);

  CompletableFuture<Void> throwJobError(long jobKey, JobErrorRequest request);

  CompletableFuture<Void> updateJob(long jobKey, JobUpdateRequest request);

  // --- user tasks

  CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee);

  CompletableFuture<Void> unassignUserTask(long userTaskKey);

  CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables);

  CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate update);

  CompletableFuture<UserTask> getUserTask(long userTaskKey);

  CompletableFuture<SearchResult<UserTask>> searchUserTasks(SearchRequest request);

  // --- incidents and cluster

  CompletableFuture<SearchResult<Incident>> searchIncidents(SearchRequest request);

  CompletableFuture<Void> resolveIncident(long incidentKey);

  CompletableFuture<Topology> topology();

  // --- workers

  /**
   * The worker most handlers want: {@code createJobWorker(config, job -> ...)} with the
   * {@link ExecutionStrategy#AUTO} strategy. A handler that returns a {@code CompletionStage} runs as
   * {@link ExecutionStrategy#ASYNC} (the job ends when the stage does), any other as
   * {@link ExecutionStrategy#THREAD}. The handler gets a {@link SyncJobContext}; its
   * {@code job.client()} is blocking and {@code job.client().async()} is the async twin.
   */
  JobWorker createJobWorker(WorkerConfig config, JobHandler handler);

  /** An explicit strategy; its type decides the handler's (and so the context's) type. */
  <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler);

  /**
   * As {@link #createJobWorker(WorkerConfig, ExecutionStrategy, Object)}, waiting a random time up to
   * {@code startupJitterMax} before the first poll (overrides {@code CAMUNDA_WORKER_STARTUP_JITTER_MAX_SECONDS}).
   */
  <H> JobWorker createJobWorker(
      WorkerConfig config, ExecutionStrategy<H> strategy, H handler, Duration startupJitterMax);

  /** The workers created on this client and not yet closed. */
  List<JobWorker> workers();

  /**
   * Blocks until the client is closed (from another thread, or by the JVM shutting down: a shutdown
   * hook closes it), then returns after the workers have drained. An interrupt closes the client.
   */
  void runWorkers();

  /** Closes every worker (gracefully, 10 s grace) and then the connections. Idempotent. */
  @Override
  void close();
}
