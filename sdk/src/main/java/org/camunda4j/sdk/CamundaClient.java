package org.camunda4j.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The blocking client of the Orchestration Cluster REST API (v2); the twin of
 * {@link CamundaAsyncClient}, sharing its connections, workers and lifecycle ({@link #async()}).
 * Calls throw {@link CamundaApiException} or {@link CamundaTransportException}.
 */
public interface CamundaClient extends AutoCloseable {

  /** A client configured from the environment ({@code CAMUNDA_*} variables). */
  static CamundaClient create() {
    return builder().build();
  }

  /** A client configured from this map over the environment. */
  static CamundaClient create(Map<String, String> configuration) {
    return builder().configuration(configuration).build();
  }

  static CamundaClientBuilder builder() {
    return new CamundaClientBuilder();
  }

  CamundaAsyncClient async();

  DeploymentResult deployResources(Path... files);

  DeploymentResult deployResourcesFromClasspath(String... resourceNames);

  ProcessInstanceCreationResult createProcessInstance(ProcessInstanceCreationRequest request);

  ProcessInstance getProcessInstance(long processInstanceKey);

  SearchResult<ProcessInstance> searchProcessInstances(SearchRequest request);

  void cancelProcessInstance(long processInstanceKey);

  /** Moves a running instance to another process definition, keeping its keys; rejected as a whole (400, 404, 409) if the plan does not fit. */
  void migrateProcessInstance(long processInstanceKey, ProcessInstanceMigrationRequest request);

  MessagePublicationResult publishMessage(MessagePublicationRequest request);

  MessageCorrelationResult correlateMessage(MessageCorrelationRequest request);

  List<ActivatedJob> activateJobs(JobActivationRequest request);

  void completeJob(long jobKey, JobCompletionRequest request);

  default void completeJob(long jobKey, Map<String, Object> variables) {
    completeJob(jobKey, JobCompletionRequest.withVariables(variables));
  }

  void failJob(long jobKey, JobFailRequest request);

  void throwJobError(long jobKey, JobErrorRequest request);

  void updateJob(long jobKey, JobUpdateRequest request);

  void assignUserTask(long userTaskKey, String assignee);

  void unassignUserTask(long userTaskKey);

  void completeUserTask(long userTaskKey, Map<String, Object> variables);

  void updateUserTask(long userTaskKey, UserTaskUpdate update);

  UserTask getUserTask(long userTaskKey);

  SearchResult<UserTask> searchUserTasks(SearchRequest request);

  SearchResult<Incident> searchIncidents(SearchRequest request);

  void resolveIncident(long incidentKey);

  Topology topology();

  /**
   * The worker most handlers want: {@code createJobWorker(config, job -> ...)} with the
   * {@link ExecutionStrategy#AUTO} strategy. A handler that returns a {@code CompletionStage} runs as
   * {@link ExecutionStrategy#ASYNC} (the job ends when the stage does), any other as
   * {@link ExecutionStrategy#THREAD}. The handler gets a {@link SyncJobContext}; its
   * {@code job.client()} is blocking and {@code job.client().async()} is the async twin.
   */
  JobWorker createJobWorker(WorkerConfig config, JobHandler handler);

  <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler);

  <H> JobWorker createJobWorker(
      WorkerConfig config, ExecutionStrategy<H> strategy, H handler, Duration startupJitterMax);

  List<JobWorker> workers();

  /** See {@link CamundaAsyncClient#runWorkers()}. */
  void runWorkers();

  @Override
  void close();
}
