package org.camunda4j.engine.internal.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.record.EngineEvent.ElementCompleting;
import org.camunda4j.engine.internal.record.EngineEvent.JobCompleted;
import org.camunda4j.engine.internal.record.EngineEvent.JobErrorThrown;
import org.camunda4j.engine.internal.record.EngineEvent.JobFailed;
import org.camunda4j.engine.internal.record.EngineEvent.JobRecurred;
import org.camunda4j.engine.internal.record.EngineEvent.JobRetriesUpdated;
import org.camunda4j.engine.internal.record.EngineEvent.JobTimedOut;
import org.camunda4j.engine.internal.record.EngineEvent.JobTimeoutUpdated;
import org.camunda4j.engine.internal.record.EngineEvent.JobYielded;
import org.camunda4j.engine.internal.record.EngineEvent.JobsActivated;
import org.camunda4j.engine.internal.state.ElementInstance;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Job;
import org.camunda4j.engine.internal.state.JobKind;
import org.camunda4j.engine.internal.state.JobState;

/** The job state machine of engine-semantics §2.1: activate, complete, fail, throw error, update, time out. */
final class JobCommands {

  private final EngineState state;
  private final BpmnBehavior bpmn;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private UserTaskBehavior userTasks; // --- user tasks: bound once by EngineOperations
  private final ErrorBehavior errors;
  private final ExecutionListenerBehavior executionListeners;

  JobCommands(
      EngineState state,
      BpmnBehavior bpmn,
      VariableBehavior variables,
      IncidentBehavior incidents,
      ErrorBehavior errors,
      ExecutionListenerBehavior executionListeners) {
    this.state = state;
    this.bpmn = bpmn;
    this.variables = variables;
    this.incidents = incidents;
    this.errors = errors;
    this.executionListeners = executionListeners;
  }

  // --- user tasks
  void bindUserTasks(UserTaskBehavior userTasks) {
    this.userTasks = userTasks;
  }

  /**
   * The most a batch of activated jobs may weigh, as the gateway's maximum message size: jobs that
   * would not fit stay activatable for the next request. One job always goes out, however large.
   */
  static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;

  /** Activates up to {@code maxJobsToActivate} jobs of the type, oldest first; may return none. */
  List<ActivatedJob> activate(ProcessingContext ctx, ActivationRequest request) {
    List<Job> candidates =
        state
            .activatableJobs(request.type())
            .filter(job -> request.tenantIds().contains(job.tenantId()) && request.processIds().test(job.processDefinitionId()))
            .limit(request.maxJobsToActivate())
            .toList();
    List<Job> jobs = new ArrayList<>(candidates.size());
    List<Map<String, Object>> jobVariables = new ArrayList<>(candidates.size());
    long batchBytes = 0;
    for (Job job : candidates) {
      Map<String, Object> fetched = fetchedVariables(job, request.fetchVariables());
      long jobBytes = 1024 + JsonSize.of(fetched) + JsonSize.of(job.customHeaders());
      if (!jobs.isEmpty() && batchBytes + jobBytes > MAX_BATCH_BYTES) {
        break; // the rest stay activatable for the next request
      }
      batchBytes += jobBytes;
      jobs.add(job);
      jobVariables.add(fetched);
    }
    if (jobs.isEmpty()) {
      return List.of();
    }
    long deadline = ctx.now() + request.timeoutMillis();
    ctx.emit(new JobsActivated(jobs.stream().map(Job::key).toList(), request.worker(), deadline, ctx.now()));
    List<ActivatedJob> activated = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      activated.add(snapshot(jobs.get(i), jobVariables.get(i)));
    }
    return activated;
  }

  /** Every variable visible from the job's element, or only those named; inner scopes shadow outer ones. */
  private Map<String, Object> fetchedVariables(Job job, List<String> fetchVariables) {
    Map<String, Object> visible = state.visibleVariables(job.elementInstanceKey());
    if (fetchVariables.isEmpty()) {
      return visible;
    }
    Map<String, Object> fetched = new java.util.LinkedHashMap<>();
    for (String name : fetchVariables) {
      if (visible.containsKey(name)) {
        fetched.put(name, visible.get(name));
      }
    }
    return fetched;
  }

  /** The job as handed out, taken after its activation was applied (worker, deadline, count). */
  private ActivatedJob snapshot(Job job, Map<String, Object> variables) {
    return new ActivatedJob(
        job.key(), job.type(), job.worker(), job.retries(), job.deadline(), variables, job.customHeaders(), job.processDefinitionId(),
        job.processDefinitionVersion(), job.processDefinitionKey(), job.processInstanceKey(),
        state.processInstance(job.processInstanceKey()).map(p -> p.rootProcessInstanceKey()).orElse(job.processInstanceKey()),
        job.elementId(), job.elementInstanceKey(), job.tenantId(), job.kind(), job.listenerEventType(), userTaskOf(job),
        state.processInstance(job.processInstanceKey()).map(p -> p.tags()).orElse(List.of()),
        job.activationCount());
  }


  // --- user tasks
  /** The {@code userTask} object of an activated task-listener job; null for every other kind. */
  private Map<String, Object> userTaskOf(Job job) {
    if (job.kind() != JobKind.TASK_LISTENER) {
      return null;
    }
    return state.userTasks().liveOfElement(job.elementInstanceKey()).map(TaskListenerHeaders::userTask).orElse(null);
  }

  void complete(ProcessingContext ctx, long key, Map<String, Object> completionVariables) {
    complete(ctx, key, completionVariables, TaskListenerResult.NONE, null);
  }

  /** Completes a job; the {@code result} of a task-listener job decides what happens to its user task. */
  void complete(
      ProcessingContext ctx, long key, Map<String, Object> completionVariables, TaskListenerResult result, AdHocActivation adHoc) {
    Job job = commandable(key, "complete");
    if (job.kind() == JobKind.AD_HOC_SUB_PROCESS) {
      AdHocActivation activation = adHoc == null ? new AdHocActivation(java.util.List.of(), false, false) : adHoc;
      bpmn.adHocSubProcesses().jobCompleted(ctx, job, completionVariables, activation);
      return;
    }
    if (adHoc != null) {
      throw Rejection.invalidArgument(
          "Expected to complete job with key '" + key + "' with a result of type 'adHocSubProcess', but it is not the job of an ad-hoc sub-process");
    }
    // --- user tasks: a task-listener job completes one step of a user-task transition, not its element
    if (job.kind() == JobKind.TASK_LISTENER) {
      userTasks.listenerCompleted(ctx, job, completionVariables, result);
      return;
    }
    if (job.kind() == JobKind.EXECUTION_LISTENER) {
      executionListeners.listenerCompleted(ctx, job, completionVariables);
      return;
    }
    ctx.emit(new JobCompleted(key, ctx.now()));
    ElementInstance instance = state.elementInstance(job.elementInstanceKey()).orElseThrow();
    // completing before its variables are set: they must not trigger the element's own conditional boundary events
    ctx.emit(new ElementCompleting(instance.key()));
    if (instance.element().outputs().isEmpty()) {
      variables.propagate(ctx, instance.key(), instance.processInstanceKey(), job.tenantId(), completionVariables);
    } else {
      variables.setLocal(ctx, instance.key(), instance.processInstanceKey(), job.tenantId(), completionVariables);
    }
    ctx.followUp(() -> bpmn.complete(ctx, instance.key()));
  }

  /** Activates elements of an active ad-hoc sub-process, as its worker's job result would. */
  void activateAdHocElements(ProcessingContext ctx, long key, AdHocActivation activation) {
    ElementInstance adHoc =
        state.elementInstance(key)
            .filter(i -> i.element().type() == org.camunda4j.engine.internal.model.ElementType.AD_HOC_SUB_PROCESS && !i.isMultiInstanceBody())
            .orElseThrow(() -> Rejection.notFound(
                "Expected to activate elements of ad-hoc sub-process with key '" + key + "', but no such ad-hoc sub-process was found"));
    if (adHoc.state() != org.camunda4j.engine.internal.state.ElementState.ACTIVATED) {
      throw Rejection.invalidState(
          "Expected to activate elements of ad-hoc sub-process with key '" + key + "', but it is not active");
    }
    bpmn.adHocSubProcesses().check(adHoc, activation, "activate elements of ad-hoc sub-process with key '" + key + "'");
    bpmn.adHocSubProcesses().apply(ctx, adHoc, activation);
  }

  void fail(ProcessingContext ctx, long key, int retries, String errorMessage, long retryBackOff, Map<String, Object> localVariables) {
    Job job = commandable(key, "fail");
    variables.setLocal(ctx, job.elementInstanceKey(), job.processInstanceKey(), job.tenantId(), localVariables);
    long recurAt = retries > 0 && retryBackOff > 0 ? ctx.now() + retryBackOff : -1;
    ctx.emit(new JobFailed(key, retries, errorMessage, recurAt, ctx.now()));
    if (retries > 0 && recurAt < 0) {
      ctx.jobsAvailable(job.type());
    } else if (retries <= 0) {
      String message = errorMessage == null || errorMessage.isEmpty() ? "No more retries left." : errorMessage;
      incidents.raiseOnJob(ctx, job, IncidentBehavior.noRetriesType(job.kind()), message);
    }
  }

  void throwError(ProcessingContext ctx, long key, String errorCode, String errorMessage, Map<String, Object> errorVariables) {
    Job job = commandable(key, "throw an error for");
    if (job.kind() == JobKind.EXECUTION_LISTENER || job.kind() == JobKind.TASK_LISTENER) {
      throw Rejection.invalidState(
          "Cannot throw BPMN error from " + job.kind() + " job with key '" + key + "', type '" + job.type()
              + "' and processInstanceKey '" + job.processInstanceKey() + "'. Task listener and execution listener jobs cannot throw BPMN errors");
    }
    ElementInstance thrower = state.elementInstance(job.elementInstanceKey()).orElseThrow();
    ErrorBehavior.Catch found = errors.find(thrower, errorCode);
    ctx.emit(new JobErrorThrown(key, errorCode, errorMessage, found != null, ctx.now()));
    if (found != null) {
      errors.trigger(ctx, found, errorVariables);
    } else {
      incidents.raiseOnJob(ctx, job, "UNHANDLED_ERROR_EVENT", ErrorBehavior.uncaughtMessage(errorCode, errorMessage));
    }
  }

  void update(ProcessingContext ctx, long key, Integer retries, Long timeout) {
    Job job = state.job(key).filter(Job::isLive).orElseThrow(() -> Rejection.notFound(
        "Expected to update job with key '" + key + "', but no such job was found"));
    if (retries == null && timeout == null) {
      throw Rejection.invalidArgument("At least one of [retries, timeout] is required");
    }
    if (retries != null && retries < 1) {
      throw Rejection.invalidArgument(
          "Expected to update retries for job with key '" + key + "' with a positive amount of retries, but the amount given was '"
              + retries + "'");
    }
    if (timeout != null && job.state() != JobState.ACTIVATED) {
      throw Rejection.invalidState("Expected to update the timeout of job with key '" + key + "', but it is not active");
    }
    if (retries != null) {
      ctx.emit(new JobRetriesUpdated(key, retries, ctx.now()));
    }
    if (timeout != null) {
      ctx.emit(new JobTimeoutUpdated(key, ctx.now() + timeout, ctx.now()));
    }
  }

  /** Times out jobs past their deadline and brings back jobs whose backoff is over. */
  void tick(ProcessingContext ctx) {
    for (Job job : state.jobsTimedOutAt(ctx.now())) {
      ctx.emit(new JobTimedOut(job.key(), ctx.now()));
      ctx.jobsAvailable(job.type());
    }
    for (Job job : state.jobsRecurringAt(ctx.now())) {
      ctx.emit(new JobRecurred(job.key(), ctx.now()));
      ctx.jobsAvailable(job.type());
    }
  }

  /** Gives back jobs whose activation response never reached the worker, retries unchanged. */
  void yieldUndelivered(ProcessingContext ctx, List<ActivatedJob> undelivered) {
    for (ActivatedJob activated : undelivered) {
      state
          .job(activated.jobKey())
          .filter(job -> job.isLive() && job.state() == JobState.ACTIVATED && job.activationCount() == activated.activationCount())
          .ifPresent(
              job -> {
                ctx.emit(new JobYielded(job.key(), ctx.now()));
                ctx.jobsAvailable(job.type());
              });
    }
  }

  /** The job, if a complete/fail/error command may act on it; otherwise the rejection the real engine gives. */
  private Job commandable(long key, String verb) {
    Job job =
        state
            .job(key)
            .filter(Job::isLive)
            .orElseThrow(() -> Rejection.notFound("Expected to " + verb + " job with key '" + key + "', but no such job was found"));
    if (job.state() != JobState.ACTIVATABLE && job.state() != JobState.ACTIVATED) {
      throw Rejection.invalidState("Expected to " + verb + " job with key '" + key + "', but it is in state '" + job.state() + "'");
    }
    return job;
  }
}
