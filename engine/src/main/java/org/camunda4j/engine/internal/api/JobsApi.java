package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.camunda4j.engine.internal.authorization.Permission;
import org.camunda4j.engine.internal.processing.ActivatedJob;
import org.camunda4j.engine.internal.processing.AdHocActivation;
import org.camunda4j.engine.internal.processing.ActivationRequest;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.TaskListenerResult;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.ActivatedJobResult;
import org.camunda4j.engine.internal.rest.wire.JobActivationRequest;
import org.camunda4j.engine.internal.rest.wire.JobActivationResult;
import org.camunda4j.engine.internal.rest.wire.JobCompletionRequest;
import org.camunda4j.engine.internal.rest.wire.JobErrorRequest;
import org.camunda4j.engine.internal.rest.wire.JobFailRequest;
import org.camunda4j.engine.internal.rest.wire.JobKind;
import org.camunda4j.engine.internal.rest.wire.JobListenerEventType;
import org.camunda4j.engine.internal.rest.wire.JobResult;
import org.camunda4j.engine.internal.rest.wire.JobUpdateRequest;
import org.camunda4j.engine.internal.state.Job;

/**
 * {@code /v2/jobs}: activation (long poll), completion, failure, BPMN errors and updates.
 *
 * <p>A command on a job may name the cluster that handed the job out in a {@value #CLUSTER_ID_HEADER}
 * header (camunda4j's workers do; the official clients send none, and are not checked). Another
 * cluster's id is refused with 412: an engine replaced behind a proxy that keeps the worker's
 * connections would otherwise take the outcome of a job it never handed out.
 */
final class JobsApi {

  static final String CLUSTER_ID_HEADER = "Camunda4j-Cluster-Id";

  private final EngineOperations engine;
  private final TenantAccess tenants;
  private final String clusterId;
  private final AccessGuard access;

  JobsApi(EngineOperations engine, TenantAccess tenants, String clusterId, AccessGuard access) {
    this.engine = engine;
    this.tenants = tenants;
    this.clusterId = clusterId;
    this.access = access;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/jobs/activation", this::activate)
        .route("POST", "/v2/jobs/{jobKey}/completion", this::complete)
        .route("POST", "/v2/jobs/{jobKey}/failure", this::fail)
        .route("POST", "/v2/jobs/{jobKey}/error", this::throwError)
        .route("PATCH", "/v2/jobs/{jobKey}", this::update);
  }

  private CompletionStage<Reply> activate(Request request) {
    JobActivationRequest body = request.body(JobActivationRequest.class);
    ActivationRequest activation =
        new ActivationRequest(
            body.type(),
            body.workerOrDefault(),
            body.timeout(),
            body.maxJobsToActivate(),
            body.fetchVariableOrAll(),
            tenants.forActivation(request, body.tenantIds(), body.tenantFilter()),
            body.requestTimeout() == null ? 0 : body.requestTimeout(),
            // jobs of processes the caller may not update stay for workers that may
            access.grants(request).allowed(Permission.UPDATE_PROCESS_INSTANCE));
    CompletableFuture<List<ActivatedJob>> jobs = engine.activate(activation, request::isConnected);
    request.onDisconnect(() -> engine.disconnected(jobs));
    return Outcomes.reply(
        jobs,
        activated -> {
          // Names the cluster on the answer itself, so a worker behind a proxy that kept its connection
          // across a replaced engine stamps these jobs' outcomes with the right id without asking.
          Reply reply = Reply.json(new JobActivationResult(activated.stream().map(JobsApi::toWire).toList()))
              .withHeader(CLUSTER_ID_HEADER, clusterId);
          return activated.isEmpty() ? reply : reply.onUndelivered(() -> engine.yieldUndelivered(activated));
        });
  }

  private static ActivatedJobResult toWire(ActivatedJob job) {
    return new ActivatedJobResult(
        job.type(),
        job.processDefinitionId(),
        job.processDefinitionVersion(),
        job.elementId(),
        job.customHeaders(),
        job.worker(),
        job.retries(),
        job.deadline(),
        job.variables(),
        job.tenantId(),
        key(job.jobKey()),
        key(job.processInstanceKey()),
        key(job.processDefinitionKey()),
        key(job.elementInstanceKey()),
        JobKind.valueOf(job.kind().name()),
        JobListenerEventType.valueOf(job.listenerEventType()),
        UserTasksApi.listenerProperties(job.userTask()), // --- user tasks
        job.tags(),
        key(job.rootProcessInstanceKey()));
  }

  private CompletionStage<Reply> complete(Request request) {
    long jobKey = request.keyParam("jobKey");
    requireThisCluster(request, jobKey);
    JobCompletionRequest body = request.body(JobCompletionRequest.class);
    if (body.result() instanceof JobResult.AdHocSubProcess adHoc) {
      return noContent(engine.completeAdHocJob(jobKey, body.variables(), adHocActivation(adHoc)));
    }
    // --- user tasks: a task listener completes with a result (corrections or a denial)
    // the body is read as a tree too only for a task listener's result, whose corrections it checks
    TaskListenerResult result =
        body.result() == null ? TaskListenerResult.NONE : UserTasksApi.listenerResult(body.result(), request.bodyTree());
    return noContent(ownJob(request, jobKey, "complete", () -> engine.completeJob(jobKey, body.variables(), result)));
  }

  private static AdHocActivation adHocActivation(JobResult.AdHocSubProcess result) {
    List<AdHocActivation.Element> elements = new ArrayList<>();
    if (result.activateElements() != null) {
      for (JobResult.ActivateElement element : result.activateElements()) {
        elements.add(new AdHocActivation.Element(element.elementId(), element.variables() == null ? Map.of() : element.variables()));
      }
    }
    return new AdHocActivation(
        elements, Boolean.TRUE.equals(result.isCompletionConditionFulfilled()), Boolean.TRUE.equals(result.isCancelRemainingInstances()));
  }

  private CompletionStage<Reply> fail(Request request) {
    long jobKey = request.keyParam("jobKey");
    requireThisCluster(request, jobKey);
    JobFailRequest body = request.body(JobFailRequest.class);
    return noContent(ownJob(request, jobKey, "fail", () ->
        engine.failJob(
            jobKey,
            body.retriesOrZero(),
            body.errorMessage() == null ? "" : body.errorMessage(),
            body.retryBackOff() == null ? 0 : body.retryBackOff(),
            body.variables())));
  }

  private CompletionStage<Reply> throwError(Request request) {
    long jobKey = request.keyParam("jobKey");
    requireThisCluster(request, jobKey);
    JobErrorRequest body = request.body(JobErrorRequest.class);
    return noContent(ownJob(request, jobKey, "throw an error for", () ->
        engine.throwError(jobKey, body.errorCode(), body.errorMessage(), body.variables())));
  }

  private CompletionStage<Reply> update(Request request) {
    long jobKey = request.keyParam("jobKey");
    requireThisCluster(request, jobKey);
    JobUpdateRequest body = request.body(JobUpdateRequest.class);
    JobUpdateRequest.Changeset changes = body.changeset();
    return noContent(ownJob(request, jobKey, "update", () ->
        engine.updateJob(jobKey, changes == null ? null : changes.retries(), changes == null ? null : changes.timeout())));
  }

  private void requireThisCluster(Request request, long jobKey) {
    String sentBy = request.header(CLUSTER_ID_HEADER);
    if (sentBy != null && !sentBy.equals(clusterId)) {
      throw new ApiException(ProblemStatus.FAILED_PRECONDITION, "Job " + jobKey + " was handed out by the cluster '" + sentBy
          + "' (" + CLUSTER_ID_HEADER + "), but this is the cluster '" + clusterId + "': another engine answers at this"
          + " address now, which never handed out that job. Drop the job's outcome; the engine that handed it out"
          + " hands the job out again when its lock expires");
    }
  }

  /** A job of a tenant the caller lacks is not found, as if it did not exist. */
  private CompletableFuture<Void> ownJob(Request request, long jobKey, String verb, Supplier<CompletableFuture<Void>> command) {
    return tenants.owned(request, state -> state.job(jobKey).map(Job::tenantId),
        "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found", command);
  }
}
