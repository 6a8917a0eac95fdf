package org.camunda4j.sdk.internal.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.camunda4j.sdk.ActivatedJob;
import org.camunda4j.sdk.CamundaAsyncClient;
import org.camunda4j.sdk.CamundaClient;
import org.camunda4j.sdk.CamundaException;
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

/** The blocking face: waits for the async call and rethrows its failure as it is (no wrapper). */
final class DefaultCamundaClient implements CamundaClient {

  private final DefaultCamundaAsyncClient async;

  DefaultCamundaClient(DefaultCamundaAsyncClient async) {
    this.async = async;
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CamundaException("interrupted while waiting for the cluster", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        // Keep the caller's stack visible: the original was created on an HTTP thread.
        runtime.addSuppressed(new CamundaException("called from here"));
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CamundaException(cause.getMessage(), cause);
    }
  }

  @Override
  public CamundaAsyncClient async() {
    return async;
  }

  @Override
  public DeploymentResult deployResources(Path... files) {
    return await(async.deployResources(files));
  }

  @Override
  public DeploymentResult deployResourcesFromClasspath(String... resourceNames) {
    return await(async.deployResourcesFromClasspath(resourceNames));
  }

  @Override
  public ProcessInstanceCreationResult createProcessInstance(ProcessInstanceCreationRequest request) {
    return await(async.createProcessInstance(request));
  }

  @Override
  public ProcessInstance getProcessInstance(long processInstanceKey) {
    return await(async.getProcessInstance(processInstanceKey));
  }

  @Override
  public SearchResult<ProcessInstance> searchProcessInstances(SearchRequest request) {
    return await(async.searchProcessInstances(request));
  }

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    await(async.cancelProcessInstance(processInstanceKey));
  }

  @Override
  public void migrateProcessInstance(long processInstanceKey, ProcessInstanceMigrationRequest request) {
    await(async.migrateProcessInstance(processInstanceKey, request));
  }

  @Override
  public MessagePublicationResult publishMessage(MessagePublicationRequest request) {
    return await(async.publishMessage(request));
  }

  @Override
  public MessageCorrelationResult correlateMessage(MessageCorrelationRequest request) {
    return await(async.correlateMessage(request));
  }

  @Override
  public List<ActivatedJob> activateJobs(JobActivationRequest request) {
    return await(async.activateJobs(request));
  }

  @Override
  public void completeJob(long jobKey, JobCompletionRequest request) {
    await(async.completeJob(jobKey, request));
  }

  @Override
  public void failJob(long jobKey, JobFailRequest request) {
    await(async.failJob(jobKey, request));
  }

  @Override
  public void throwJobError(long jobKey, JobErrorRequest request) {
    await(async.throwJobError(jobKey, request));
  }

  @Override
  public void updateJob(long jobKey, JobUpdateRequest request) {
    await(async.updateJob(jobKey, request));
  }

  @Override
  public void assignUserTask(long userTaskKey, String assignee) {
    await(async.assignUserTask(userTaskKey, assignee));
  }

  @Override
  public void unassignUserTask(long userTaskKey) {
    await(async.unassignUserTask(userTaskKey));
  }

  @Override
  public void completeUserTask(long userTaskKey, Map<String, Object> variables) {
    await(async.completeUserTask(userTaskKey, variables));
  }

  @Override
  public void updateUserTask(long userTaskKey, UserTaskUpdate update) {
    await(async.updateUserTask(userTaskKey, update));
  }

  @Override
  public UserTask getUserTask(long userTaskKey) {
    return await(async.getUserTask(userTaskKey));
  }

  @Override
  public SearchResult<UserTask> searchUserTasks(SearchRequest request) {
    return await(async.searchUserTasks(request));
  }

  @Override
  public SearchResult<Incident> searchIncidents(SearchRequest request) {
    return await(async.searchIncidents(request));
  }

  @Override
  public void resolveIncident(long incidentKey) {
    await(async.resolveIncident(incidentKey));
  }

  @Override
  public Topology topology() {
    return await(async.topology());
  }

  @Override
  public JobWorker createJobWorker(WorkerConfig config, JobHandler handler) {
    return async.createJobWorker(config, handler);
  }

  @Override
  public <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler) {
    return async.createJobWorker(config, strategy, handler);
  }

  @Override
  public <H> JobWorker createJobWorker(WorkerConfig config, ExecutionStrategy<H> strategy, H handler,
      Duration startupJitterMax) {
    return async.createJobWorker(config, strategy, handler, startupJitterMax);
  }

  @Override
  public List<JobWorker> workers() {
    return async.workers();
  }

  @Override
  public void runWorkers() {
    async.runWorkers();
  }

  @Override
  public void close() {
    async.close();
  }

  @Override
  public String toString() {
    return "CamundaClient[" + async.runtime().configuration().restAddress() + "]";
  }
}
