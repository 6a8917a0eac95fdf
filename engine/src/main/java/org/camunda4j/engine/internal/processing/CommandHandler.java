package org.camunda4j.engine.internal.processing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda4j.engine.internal.processing.Command.*;

/**
 * Processes each {@link Command} in one case of an exhaustive switch, on the processor thread. The
 * work itself lives in the {@code *Commands} class of the command's resource; this class only routes
 * and holds what waits across commands (parked activations, completion waiters).
 */
final class CommandHandler {

  /** What {@link CreateInstance} with {@code awaitCompletion} answers: the instance and a future of its end. */
  record AwaitingInstance(Created created, CompletableFuture<Map<String, Object>> ended) {}

  private final DeploymentCommands deployments;
  private final ProcessInstanceCommands instances;
  private final ModificationCommands modifications;
  private final MigrationCommands migrations;
  private final JobCommands jobs;
  private final IncidentCommands incidents;
  private final MessageCommands messages;
  private final SignalCommands signals;
  private final ConditionalStartCommands conditionalStarts;
  private final TimerCommands timers;
  private final UserTaskCommands userTasks;
  private final DecisionCommands decisions;
  private final BatchOperationCommands batchOperations;
  private final LongPolls longPolls;
  private final CompletionWaiters completionWaiters;
  private final Duration defaultLongPollTimeout;
  private final HistoryRemoval history;
  private final IdentityCommands identities;
  private Processor processor;

  CommandHandler(
      DeploymentCommands deployments,
      ProcessInstanceCommands instances,
      ModificationCommands modifications,
      MigrationCommands migrations,
      JobCommands jobs,
      IncidentCommands incidents,
      MessageCommands messages,
      SignalCommands signals,
      ConditionalStartCommands conditionalStarts,
      TimerCommands timers,
      UserTaskCommands userTasks,
      DecisionCommands decisions,
      BatchOperationCommands batchOperations,
      LongPolls longPolls,
      CompletionWaiters completionWaiters,
      Duration defaultLongPollTimeout,
      HistoryRemoval history,
      IdentityCommands identities) {
    this.deployments = deployments;
    this.instances = instances;
    this.modifications = modifications;
    this.migrations = migrations;
    this.jobs = jobs;
    this.incidents = incidents;
    this.messages = messages;
    this.signals = signals;
    this.conditionalStarts = conditionalStarts;
    this.timers = timers;
    this.userTasks = userTasks;
    this.decisions = decisions;
    this.batchOperations = batchOperations;
    this.longPolls = longPolls;
    this.completionWaiters = completionWaiters;
    this.defaultLongPollTimeout = defaultLongPollTimeout;
    this.history = history;
    this.identities = identities;
  }

  /** The processor that runs this handler: parked activations schedule their expiry on it. */
  void bind(Processor processor) {
    this.processor = processor;
  }

  Object process(ProcessingContext ctx, Command command) {
    return switch (command) {
      case Deploy c -> deployments.deploy(ctx, c.resources(), c.tenantId());
      case EvaluateDecision c -> decisions.evaluate(ctx, c.decisionId(), c.decisionKey(), c.variables(), c.tenantId());
      case CreateInstance c -> create(ctx, c);
      case CancelInstance c -> {
        instances.cancel(ctx, c.processInstanceKey());
        yield null;
      }
      case DeleteInstance c -> {
        instances.delete(ctx, c.processInstanceKey());
        yield null;
      }
      case ModifyInstance c -> {
        modifications.modify(ctx, c.processInstanceKey(), c.modification());
        yield null;
      }
      case MigrateInstance c -> {
        migrations.migrate(ctx, c.processInstanceKey(), c.plan());
        yield null;
      }
      case SetVariables c -> {
        if (!userTasks.updateVariables(ctx, c.scopeKey(), c.variables(), c.local(), c.reply())) {
          instances.setVariables(ctx, c.scopeKey(), c.variables(), c.local());
          ctx.afterCommit(() -> c.reply().complete(null));
        }
        yield null;
      }
      case ActivateJobs c -> {
        activate(ctx, c);
        yield null;
      }
      case ServeParkedActivations c -> {
        serveParked(ctx, c.type());
        yield null;
      }
      case ExpireParkedActivation c -> {
        LongPolls.Parked parked = longPolls.remove(c.parkedId());
        if (parked != null) {
          ctx.afterCommit(() -> parked.reply.complete(List.of()));
        }
        yield null;
      }
      case ForgetParkedActivation c -> {
        longPolls.all().stream().filter(p -> p.reply == c.reply()).forEach(p -> longPolls.remove(p.id));
        yield null;
      }
      case YieldUndeliveredJobs c -> {
        jobs.yieldUndelivered(ctx, c.undelivered());
        yield null;
      }
      case CompleteJob c -> {
        jobs.complete(ctx, c.jobKey(), c.variables(), c.result(), c.adHoc());
        yield null;
      }
      case ActivateAdHocElements c -> {
        jobs.activateAdHocElements(ctx, c.adHocSubProcessInstanceKey(), c.activation());
        yield null;
      }
      case FailJob c -> {
        jobs.fail(ctx, c.jobKey(), c.retries(), c.errorMessage(), c.retryBackOff(), c.variables());
        yield null;
      }
      case ThrowJobError c -> {
        jobs.throwError(ctx, c.jobKey(), c.errorCode(), c.errorMessage(), c.variables());
        yield null;
      }
      case UpdateJob c -> {
        jobs.update(ctx, c.jobKey(), c.retries(), c.timeout());
        yield null;
      }
      case ResolveIncident c -> {
        incidents.resolve(ctx, c.incidentKey());
        yield null;
      }
      case CreateBatchOperation c -> batchOperations.create(ctx, c.type(), c.moves(), c.targetProcessDefinitionKey(), c.actor(), c.items());
      case ProcessBatchItem c -> batchOperations.processItem(ctx, c.batchOperationKey(), c.itemKey());
      case FailBatchItem c -> batchOperations.failItem(ctx, c.batchOperationKey(), c.itemKey(), c.errorMessage());
      case CancelBatchOperation c -> {
        batchOperations.cancel(ctx, c.batchOperationKey());
        yield null;
      }
      case SuspendBatchOperation c -> {
        batchOperations.suspend(ctx, c.batchOperationKey());
        yield null;
      }
      case ResumeBatchOperation c -> batchOperations.resume(ctx, c.batchOperationKey());
      case ChangeIdentity c -> identities.change(ctx, c.change());
      case ProcessDueWork c -> {
        jobs.tick(ctx);
        timers.fireDue(ctx);
        messages.expire(ctx);
        history.removeDue(ctx);
        yield null;
      }
      case PublishMessage c ->
          messages.publish(ctx, c.name(), c.correlationKey(), c.timeToLive(), c.messageId(), orEmpty(c.variables()), c.tenantId()).messageKey();
      case CorrelateMessage c -> {
        MessageCommands.Correlation correlation = messages.correlateNow(ctx, c.name(), c.correlationKey(), orEmpty(c.variables()), c.tenantId());
        yield new long[] {correlation.messageKey(), correlation.processInstanceKeys().get(0)};
      }
      case BroadcastSignal c -> signals.broadcast(ctx, c.signalName(), orEmpty(c.variables()), c.tenantId());
      case EvaluateConditionals c -> conditionalStarts.evaluate(ctx, c.processDefinitionKey(), orEmpty(c.variables()));
      case AssignUserTask c -> {
        userTasks.assign(ctx, c.userTaskKey(), c.assignee(), c.allowOverride(), c.action(), c.reply());
        yield null;
      }
      case UnassignUserTask c -> {
        userTasks.unassign(ctx, c.userTaskKey(), c.action(), c.reply());
        yield null;
      }
      case UpdateUserTask c -> {
        userTasks.update(ctx, c.userTaskKey(), c.changes(), c.action(), c.reply());
        yield null;
      }
      case CompleteUserTask c -> {
        userTasks.complete(ctx, c.userTaskKey(), c.variables(), c.action(), c.reply());
        yield null;
      }
    };
  }

  /** The waiter of an awaited instance is registered in the command that creates it, so a quick instance is not missed. */
  private Object create(ProcessingContext ctx, CreateInstance c) {
    Created created =
        c.processDefinitionKey() != null
            ? instances.createByKey(ctx, c.processDefinitionKey(), c.request())
            : instances.createById(ctx, c.bpmnProcessId(), c.version(), c.request());
    if (!c.awaitCompletion()) {
      return created;
    }
    return new AwaitingInstance(created, completionWaiters.await(created.processInstanceKey()));
  }

  private void activate(ProcessingContext ctx, ActivateJobs c) {
    ActivationRequest request = c.request();
    List<ActivatedJob> activated = jobs.activate(ctx, request);
    if (!activated.isEmpty() || request.requestTimeoutMillis() < 0) {
      ctx.afterCommit(() -> c.reply().complete(activated));
      return;
    }
    long timeout = request.requestTimeoutMillis() == 0 ? defaultLongPollTimeout.toMillis() : request.requestTimeoutMillis();
    LongPolls.Parked parked = new LongPolls.Parked(longPolls.nextId(), request, c.reply(), c.connected());
    longPolls.park(parked);
    parked.expiry = processor.schedule(() -> processor.submit(new ExpireParkedActivation(parked.id)), timeout);
  }

  /** Offers jobs that became activatable to the activations parked for their type, oldest first. */
  private void serveParked(ProcessingContext ctx, String type) {
    for (LongPolls.Parked parked : longPolls.waiting(type)) {
      if (!parked.connected.getAsBoolean()) {
        longPolls.remove(parked.id);
        continue;
      }
      List<ActivatedJob> activated = jobs.activate(ctx, parked.request);
      if (activated.isEmpty()) {
        return; // no more jobs of this type; the rest keep waiting
      }
      longPolls.remove(parked.id);
      ctx.afterCommit(() -> parked.reply.complete(activated));
    }
  }

  /** Whether activations wait for jobs of this type. */
  boolean hasParkedActivations(String type) {
    return longPolls.hasWaiters(type);
  }

  private static Map<String, Object> orEmpty(Map<String, Object> variables) {
    return variables == null ? Map.of() : variables;
  }
}
