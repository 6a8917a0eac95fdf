package org.camunda4j.engine.internal.processing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.KeyRange;

/**
 * Everything the engine can be asked to do, as asynchronous operations. The REST layer calls these;
 * each runs on the processor thread and completes after its batch is committed, exceptionally
 * with a {@link Rejection} when the engine refuses.
 */
public final class EngineOperations implements AutoCloseable {

  private final EngineState state;
  private final ControlledClock clock;
  private final Processor processor;
  private final Duration defaultLongPollTimeout;
  private final LongPolls longPolls = new LongPolls();
  private final CompletionWaiters completionWaiters = new CompletionWaiters();
  private final DeploymentCommands deployments;
  private final ProcessInstanceCommands instances;
  private final JobCommands jobs;
  private final IncidentCommands incidents;
  private final UserTaskOperations userTasks; // --- user tasks
  private final MessageCommands messages;
  private final SignalCommands signals;
  private final TimerCommands timers;

  public EngineOperations(ControlledClock clock, Duration defaultLongPollTimeout) {
    this.clock = clock;
    // keys of an engine that keeps nothing start where no earlier life of it can have been
    this.state = new EngineState(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));
    this.defaultLongPollTimeout = defaultLongPollTimeout;
    Feel feel = new Feel(clock::millis);
    VariableBehavior variables = new VariableBehavior(state, feel);
    IncidentBehavior incidentBehavior = new IncidentBehavior(state);
    CatchEventBehavior catchEvents = new CatchEventBehavior(state, feel, variables);
    ErrorBehavior errors = new ErrorBehavior(state, catchEvents);
    ExecutionListenerBehavior executionListeners = new ExecutionListenerBehavior(state, feel, variables, incidentBehavior);
    MultiInstanceBehavior multiInstance = new MultiInstanceBehavior(state, feel, variables, incidentBehavior);
    BpmnBehavior bpmn = new BpmnBehavior(state, variables, incidentBehavior, catchEvents, executionListeners, multiInstance);
    executionListeners.bind(bpmn);
    multiInstance.bind(bpmn);
    catchEvents.bind(bpmn);
    this.messages = new MessageCommands(state, feel, bpmn, catchEvents);
    bpmn.bind(messages);
    this.signals = new SignalCommands(state, feel, bpmn, catchEvents);
    this.timers = new TimerCommands(state, bpmn, catchEvents);
    this.deployments = new DeploymentCommands(state, new BpmnTransformer(feel), timers);
    this.instances = new ProcessInstanceCommands(state, bpmn, variables);
    this.jobs = new JobCommands(state, bpmn, variables, incidentBehavior, errors, executionListeners);
    this.incidents = new IncidentCommands(state, bpmn);
    this.processor = new Processor(state, clock);
    // --- user tasks: the behavior and the BPMN flow need each other, so they are bound after construction
    UserTaskWaiters userTaskWaiters = new UserTaskWaiters();
    UserTaskBehavior userTaskBehavior = new UserTaskBehavior(state, feel, variables, incidentBehavior, bpmn, userTaskWaiters);
    bpmn.bindUserTasks(userTaskBehavior);
    bpmn.bind(
        new ElementProcessors(
            bpmn,
            new ElementProcessors.Behaviors(
                state, feel, variables, incidentBehavior, new JobBehavior(state, feel, incidentBehavior), errors, userTaskBehavior,
                messages, completionWaiters, signals, catchEvents)));
    jobs.bindUserTasks(userTaskBehavior);
    this.userTasks = new UserTaskOperations(processor, new UserTaskCommands(state, userTaskBehavior, userTaskWaiters));
    processor.configure(this::serveParked, this::tick);
    processor.start();
  }

  public ControlledClock clock() {
    return clock;
  }

  /** Reads state consistently, on the processor thread. */
  public <T> CompletableFuture<T> read(Function<EngineState, T> query) {
    return processor.read(query);
  }

  public CompletableFuture<Deployment> deploy(List<DeploymentResource> resources, String tenantId) {
    return processor.submit(ctx -> deployments.deploy(ctx, resources, tenantId));
  }

  public CompletableFuture<Created> createById(String bpmnProcessId, Integer version, NewInstance request) {
    return processor.submit(ctx -> instances.createById(ctx, bpmnProcessId, version, request));
  }

  public CompletableFuture<Created> createByKey(long processDefinitionKey, NewInstance request) {
    return processor.submit(ctx -> instances.createByKey(ctx, processDefinitionKey, request));
  }

  /**
   * Creates an instance and completes when it ends, with its root variables. The waiter is
   * registered in the same command that creates the instance, so a quick instance is not missed.
   */
  public CompletableFuture<AwaitedInstance> createAndAwait(
      String bpmnProcessId, Integer version, Long processDefinitionKey, NewInstance request) {
    CompletableFuture<AwaitedInstance> result = new CompletableFuture<>();
    processor
        .submit(
            ctx -> {
              Created created =
                  processDefinitionKey != null
                      ? instances.createByKey(ctx, processDefinitionKey, request)
                      : instances.createById(ctx, bpmnProcessId, version, request);
              CompletableFuture<Map<String, Object>> ended = completionWaiters.await(created.processInstanceKey());
              ended.whenComplete(
                  (vars, error) -> {
                    if (error != null) {
                      result.completeExceptionally(error);
                    } else {
                      result.complete(new AwaitedInstance(created, vars));
                    }
                  });
              return created;
            })
        .whenComplete(
            (created, error) -> {
              if (error != null) {
                result.completeExceptionally(error);
              }
            });
    return result;
  }

  /** A process instance that ran to its end, with the variables of its root scope. */
  public record AwaitedInstance(Created created, Map<String, Object> variables) {}

  public CompletableFuture<Void> cancel(long processInstanceKey) {
    return processor.submit(ctx -> { instances.cancel(ctx, processInstanceKey); return null; });
  }

  public CompletableFuture<Void> setVariables(long scopeKey, Map<String, Object> variables, boolean local) {
    // --- user tasks: variables on a user task's scope wait for its updating listeners
    return userTasks.setVariables(scopeKey, variables, local, ctx -> instances.setVariables(ctx, scopeKey, variables, local));
  }

  /**
   * Activates jobs, or parks the request until jobs of its type become activatable or its request
   * timeout passes ({@code {"jobs":[]}}). A parked request whose client disconnects is dropped
   * before it can take jobs.
   */
  public CompletableFuture<List<ActivatedJob>> activate(ActivationRequest request, BooleanSupplier connected) {
    CompletableFuture<List<ActivatedJob>> reply = new CompletableFuture<>();
    processor
        .submit(
            ctx -> {
              List<ActivatedJob> activated = jobs.activate(ctx, request);
              if (!activated.isEmpty() || request.requestTimeoutMillis() < 0) {
                ctx.afterCommit(() -> reply.complete(activated));
                return null;
              }
              long timeout = request.requestTimeoutMillis() == 0 ? defaultLongPollTimeout.toMillis() : request.requestTimeoutMillis();
              LongPolls.Parked parked = new LongPolls.Parked(longPolls.nextId(), request, reply, connected);
              longPolls.park(parked);
              parked.expiry = processor.schedule(() -> expire(parked.id), timeout);
              return null;
            })
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                reply.completeExceptionally(error);
              }
            });
    return reply;
  }

  /** The client of a parked activation went away: forget it so it never takes jobs. */
  public void disconnected(CompletableFuture<List<ActivatedJob>> reply) {
    processor.submit(
        ctx -> {
          longPolls.all().stream().filter(p -> p.reply == reply).forEach(p -> longPolls.remove(p.id));
          return null;
        });
  }

  private void expire(long parkedId) {
    processor.submit(
        ctx -> {
          LongPolls.Parked parked = longPolls.remove(parkedId);
          if (parked != null) {
            ctx.afterCommit(() -> parked.reply.complete(List.of()));
          }
          return null;
        });
  }

  /** Runs on the processor thread after a commit: offers new jobs to parked activations, oldest first. */
  private void serveParked(Set<String> types) {
    for (String type : types) {
      if (longPolls.hasWaiters(type)) {
        processor.submit(ctx -> { serve(ctx, type); return null; });
      }
    }
  }

  private void serve(ProcessingContext ctx, String type) {
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

  /** Jobs whose activation response could not be written go back at once, retries unchanged. */
  public CompletableFuture<Void> yieldUndelivered(List<ActivatedJob> undelivered) {
    return processor.submit(ctx -> { jobs.yieldUndelivered(ctx, undelivered); return null; });
  }

  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return processor.submit(ctx -> { jobs.complete(ctx, jobKey, variables); return null; });
  }

  // --- user tasks
  /** Completes a job with a result: a task listener's corrections or denial. */
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables, TaskListenerResult result) {
    return processor.submit(ctx -> { jobs.complete(ctx, jobKey, variables, result); return null; });
  }

  /** Assigning, updating and completing user tasks; reads go through {@link #read}. */
  public UserTaskOperations userTasks() {
    return userTasks;
  }

  public CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables) {
    return processor.submit(ctx -> { jobs.fail(ctx, jobKey, retries, errorMessage, retryBackOff, variables); return null; });
  }

  public CompletableFuture<Void> throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return processor.submit(ctx -> { jobs.throwError(ctx, jobKey, errorCode, errorMessage, variables); return null; });
  }

  public CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeout) {
    return processor.submit(ctx -> { jobs.update(ctx, jobKey, retries, timeout); return null; });
  }

  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return processor.submit(ctx -> { incidents.resolve(ctx, incidentKey); return null; });
  }

  /** Processes whatever fell due on the engine clock; call after moving a pinned clock. */
  public CompletableFuture<Void> tick() {
    return processor.submit(
        ctx -> {
          jobs.tick(ctx);
          timers.fireDue(ctx);
          messages.expire(ctx);
          return null;
        });
  }

  /** Publishes a message; with a time to live it waits for subscriptions that open later. */
  public CompletableFuture<Long> publishMessage(
      String name, String correlationKey, long timeToLive, String messageId, Map<String, Object> variables, String tenantId) {
    return processor.submit(
        ctx -> messages.publish(ctx, name, correlationKey, timeToLive, messageId, variables == null ? Map.of() : variables, tenantId)
            .messageKey());
  }

  /** Correlates a message now; completes with the message key and the first process instance it reached. */
  public CompletableFuture<long[]> correlateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId) {
    return processor.submit(
        ctx -> {
          MessageCommands.Correlation c = messages.correlateNow(ctx, name, correlationKey, variables == null ? Map.of() : variables, tenantId);
          return new long[] {c.messageKey(), c.processInstanceKeys().get(0)};
        });
  }

  public CompletableFuture<Long> broadcastSignal(String signalName, Map<String, Object> variables) {
    return processor.submit(ctx -> signals.broadcast(ctx, signalName, variables == null ? Map.of() : variables));
  }

  @Override
  public void close() {
    processor.close();
    for (LongPolls.Parked parked : longPolls.all()) {
      parked.reply.complete(List.of());
    }
  }
}
