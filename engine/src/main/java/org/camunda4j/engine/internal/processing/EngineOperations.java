package org.camunda4j.engine.internal.processing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.camunda4j.engine.internal.dmn.DmnDecisions;
import org.camunda4j.engine.internal.feel.Feel;
import org.camunda4j.engine.internal.model.BpmnTransformer;
import org.camunda4j.engine.internal.log.EventCodec;
import org.camunda4j.engine.internal.log.EventLog;
import org.camunda4j.engine.internal.log.SnapshotCodec;
import org.camunda4j.engine.internal.record.EngineEvent;
import org.camunda4j.engine.internal.state.BatchOperation;
import org.camunda4j.engine.internal.state.EngineState;
import org.camunda4j.engine.internal.state.Identities;
import org.camunda4j.engine.internal.state.StateDump;
import org.camunda4j.engine.internal.state.KeyRange;

/**
 * Everything the engine can be asked to do, as asynchronous operations. The REST layer calls these;
 * each runs on the processor thread and completes after its batch is committed, exceptionally
 * with a {@link Rejection} when the engine refuses.
 */
public final class EngineOperations implements AutoCloseable {

  private final EngineState state = new EngineState();
  private final ControlledClock clock;
  private final Processor processor;
  private final CommandHandler handler;
  private final LongPolls longPolls = new LongPolls();
  private final BpmnTransformer transformer;
  private final UserTaskOperations userTasks; // --- user tasks
  private final BatchOperationRunner batchOperations;

  /**
   * An engine whose state lives in the log {@code openLog} opens (given the transformer a log needs
   * to read deployments back): rebuilt from it at start, appended to by every command.
   */
  public EngineOperations(
      ControlledClock clock, Duration defaultLongPollTimeout, HistoryRetention retention, Function<BpmnTransformer, EventLog> openLog) {
    this.clock = clock;
    Feel feel = new Feel(clock::millis);
    CompletionWaiters completionWaiters = new CompletionWaiters();
    DmnDecisions dmn = new DmnDecisions(clock::millis);
    DecisionBehavior decisionBehavior = new DecisionBehavior(state, dmn);
    DecisionCommands decisions = new DecisionCommands(state, decisionBehavior);
    VariableBehavior variables = new VariableBehavior(state, feel);
    IncidentBehavior incidentBehavior = new IncidentBehavior(state);
    ElementExpressions expressions = new ElementExpressions(state, feel, incidentBehavior);
    CatchEventBehavior catchEvents = new CatchEventBehavior(state, feel, variables);
    ErrorBehavior errors = new ErrorBehavior(state, catchEvents);
    ExecutionListenerBehavior executionListeners = new ExecutionListenerBehavior(state, feel, variables, incidentBehavior);
    MultiInstanceBehavior multiInstance = new MultiInstanceBehavior(state, feel, variables, incidentBehavior);
    BpmnBehavior bpmn = new BpmnBehavior(state, variables, incidentBehavior, catchEvents, executionListeners, multiInstance);
    CompensationBehavior compensation = new CompensationBehavior(state);
    compensation.bind(bpmn);
    bpmn.bind(compensation);
    executionListeners.bind(bpmn);
    multiInstance.bind(bpmn);
    catchEvents.bind(bpmn);
    ConditionalEventBehavior conditions = new ConditionalEventBehavior(state, feel, incidentBehavior, catchEvents);
    variables.bind(conditions);
    bpmn.bind(conditions);
    MessageCommands messages = new MessageCommands(state, feel, bpmn, catchEvents);
    bpmn.bind(messages);
    SignalCommands signals = new SignalCommands(state, feel, bpmn, catchEvents);
    TimerCommands timers = new TimerCommands(state, bpmn, catchEvents);
    this.transformer = new BpmnTransformer(feel);
    DeploymentCommands deployments = new DeploymentCommands(state, transformer, timers, new DecisionDeployments(dmn));
    ProcessInstanceCommands instances = new ProcessInstanceCommands(state, bpmn, variables);
    JobCommands jobs = new JobCommands(state, bpmn, variables, incidentBehavior, errors, executionListeners);
    IncidentCommands incidents = new IncidentCommands(state, bpmn);
    // --- user tasks: the behavior and the BPMN flow need each other, so they are bound after construction
    UserTaskWaiters userTaskWaiters = new UserTaskWaiters();
    UserTaskBehavior userTaskBehavior = new UserTaskBehavior(state, feel, variables, incidentBehavior, bpmn, userTaskWaiters);
    bpmn.bindUserTasks(userTaskBehavior);
    bpmn.bind(
        new ElementProcessors(
            bpmn,
            new ElementProcessors.Behaviors(
                state, feel, expressions, variables, incidentBehavior, new JobBehavior(state, expressions), errors, userTaskBehavior,
                messages, completionWaiters, signals, catchEvents, decisionBehavior, compensation)));
    jobs.bindUserTasks(userTaskBehavior);
    UserTaskCommands userTaskCommands = new UserTaskCommands(state, userTaskBehavior, userTaskWaiters);
    ModificationCommands modifications = new ModificationCommands(state, bpmn, new ElementActivationBehavior(state, bpmn, variables));
    MigrationCommands migrations = new MigrationCommands(state, catchEvents, messages);
    BatchOperationCommands batchCommands = new BatchOperationCommands(state, instances, incidents, modifications, migrations);
    HistoryRemoval history = new HistoryRemoval(state, retention);
    this.handler =
        new CommandHandler(
            deployments, instances, modifications, migrations, jobs, incidents, messages, signals, new ConditionalStartCommands(state, feel, bpmn), timers, userTaskCommands, decisions, batchCommands,
            longPolls, completionWaiters, defaultLongPollTimeout, history, new IdentityCommands(state));
    this.processor = new Processor(state, clock, openLog.apply(transformer), handler::process);
    processor.alsoDueAt(history::dueAt);
    handler.bind(processor);
    this.userTasks = new UserTaskOperations(processor);
    processor.onJobsAvailable(this::serveParked);
    this.batchOperations = new BatchOperationRunner(processor);
    // keys of a new engine start where no earlier life of it can have been
    processor.start(KeyRange.lastKeyBeforeStartAt(System.currentTimeMillis()));
    processor.read(state -> {
      this.batchOperations.resumeInterrupted(state);
      return null;
    });
  }

  public ControlledClock clock() {
    return clock;
  }

  /** Reads state consistently, on the processor thread. */
  public <T> CompletableFuture<T> read(Function<EngineState, T> query) {
    return processor.read(query);
  }

  /**
   * Checks that the engine can be rebuilt from what it keeps, and says where not (null when it can):
   * (1) the event log (its snapshot and the events after it) replayed into empty state, each event
   * written and read back by the durable log's codec, gives the live state; (2) the live state
   * written as a snapshot and read back gives the live state. The proof that the log and its
   * snapshots are enough to rebuild the engine, from disk too, for every state a test reaches.
   */
  public String replayMismatch() {
    EventCodec codec = new EventCodec(transformer);
    SnapshotCodec snapshots = new SnapshotCodec(transformer);
    return processor
        .compareWithReplay(
            // a deployment's own round trip (transforming its BPMN again) is EventCodecTest's and
            // DurableEngineTest's; here it would double the cost of every test's deployments
            event -> event instanceof EngineEvent.ProcessDeployed ? event : codec.read(codec.write(event)),
            (live, replayed) -> {
              String liveDump = StateDump.of(live);
              String replayMismatch = mismatch("replaying the event log", liveDump, StateDump.of(replayed));
              if (replayMismatch != null) {
                return replayMismatch;
              }
              EngineState restored = new EngineState();
              restored.restore(snapshots.read(snapshots.write(live)));
              return mismatch("a snapshot of the live state read back", liveDump, StateDump.of(restored));
            })
        .join();
  }

  private static String mismatch(String what, String live, String replayed) {
    if (live.equals(replayed)) {
      return null;
    }
    String[] a = live.split("\n");
    String[] b = replayed.split("\n");
    int line = 0;
    while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
      line++;
    }
    int from = Math.max(0, line - 8);
    return what + " did not rebuild the live state; first difference at line " + (line + 1) + ":\n--- live\n"
        + String.join("\n", java.util.Arrays.copyOfRange(a, from, Math.min(a.length, line + 8))) + "\n--- replayed\n"
        + String.join("\n", java.util.Arrays.copyOfRange(b, from, Math.min(b.length, line + 8)));
  }

  public CompletableFuture<Deployment> deploy(List<DeploymentResource> resources, String tenantId) {
    return processor.submit(new Command.Deploy(resources, tenantId));
  }

  /** Evaluates a decision by key, or the latest version of a decision id; a failure is recorded and returned, not thrown. */
  public CompletableFuture<DecisionBehavior.Evaluation> evaluateDecision(
      String decisionId, Long decisionKey, Map<String, Object> variables, String tenantId) {
    return processor.submit(new Command.EvaluateDecision(decisionId, decisionKey, variables, tenantId));
  }

  public CompletableFuture<Created> createById(String bpmnProcessId, Integer version, NewInstance request) {
    return processor.submit(new Command.CreateInstance(bpmnProcessId, version, null, request, false));
  }

  public CompletableFuture<Created> createByKey(long processDefinitionKey, NewInstance request) {
    return processor.submit(new Command.CreateInstance(null, null, processDefinitionKey, request, false));
  }

  /** Creates an instance and completes when it ends, with its root variables. */
  public CompletableFuture<AwaitedInstance> createAndAwait(
      String bpmnProcessId, Integer version, Long processDefinitionKey, NewInstance request) {
    CompletableFuture<CommandHandler.AwaitingInstance> awaiting =
        processor.submit(new Command.CreateInstance(bpmnProcessId, version, processDefinitionKey, request, true));
    return awaiting.thenCompose(a -> a.ended().thenApply(variables -> new AwaitedInstance(a.created(), variables)));
  }

  /** A process instance that ran to its end, with the variables of its root scope. */
  public record AwaitedInstance(Created created, Map<String, Object> variables) {}

  public CompletableFuture<Void> cancel(long processInstanceKey) {
    return processor.submit(new Command.CancelInstance(processInstanceKey));
  }

  public CompletableFuture<Void> delete(long processInstanceKey) {
    return processor.submit(new Command.DeleteInstance(processInstanceKey));
  }

  public CompletableFuture<Void> modify(long processInstanceKey, InstanceModification modification) {
    return processor.submit(new Command.ModifyInstance(processInstanceKey, modification));
  }

  public CompletableFuture<Void> migrate(long processInstanceKey, MigrationPlan plan) {
    return processor.submit(new Command.MigrateInstance(processInstanceKey, plan));
  }

  public CompletableFuture<Void> setVariables(long scopeKey, Map<String, Object> variables, boolean local) {
    // --- user tasks: variables on a user task's scope wait for its updating listeners
    return userTasks.setVariables(scopeKey, variables, local);
  }

  /**
   * Activates jobs, or parks the request until jobs of its type become activatable or its request
   * timeout passes ({@code {"jobs":[]}}). A parked request whose client disconnects is dropped
   * before it can take jobs.
   */
  public CompletableFuture<List<ActivatedJob>> activate(ActivationRequest request, BooleanSupplier connected) {
    CompletableFuture<List<ActivatedJob>> reply = new CompletableFuture<>();
    processor
        .submit(new Command.ActivateJobs(request, connected, reply))
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
    processor.submit(new Command.ForgetParkedActivation(reply));
  }

  /** Runs on the processor thread after a commit: offers new jobs to parked activations, oldest first. */
  private void serveParked(Set<String> types) {
    for (String type : types) {
      if (handler.hasParkedActivations(type)) {
        processor.submit(new Command.ServeParkedActivations(type));
      }
    }
  }

  /** Jobs whose activation response could not be written go back at once, retries unchanged. */
  public CompletableFuture<Void> yieldUndelivered(List<ActivatedJob> undelivered) {
    return processor.submit(new Command.YieldUndeliveredJobs(undelivered));
  }

  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return completeJob(jobKey, variables, TaskListenerResult.NONE);
  }

  // --- user tasks
  /** Completes a job with a result: a task listener's corrections or denial. */
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables, TaskListenerResult result) {
    return processor.submit(new Command.CompleteJob(jobKey, variables, result, null));
  }

  /** Completes an ad-hoc sub-process's job with its {@code adHocSubProcess} result. */
  public CompletableFuture<Void> completeAdHocJob(long jobKey, Map<String, Object> variables, AdHocActivation activation) {
    return processor.submit(new Command.CompleteJob(jobKey, variables, TaskListenerResult.NONE, activation));
  }

  /** Activates elements of an active ad-hoc sub-process (its BPMN form or its job-worker form alike). */
  public CompletableFuture<Void> activateAdHocElements(long adHocSubProcessInstanceKey, AdHocActivation activation) {
    return processor.submit(new Command.ActivateAdHocElements(adHocSubProcessInstanceKey, activation));
  }

  /** Assigning, updating and completing user tasks; reads go through {@link #read}. */
  public UserTaskOperations userTasks() {
    return userTasks;
  }

  public CompletableFuture<Void> failJob(long jobKey, int retries, String errorMessage, long retryBackOff, Map<String, Object> variables) {
    return processor.submit(new Command.FailJob(jobKey, retries, errorMessage, retryBackOff, variables));
  }

  public CompletableFuture<Void> throwError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return processor.submit(new Command.ThrowJobError(jobKey, errorCode, errorMessage, variables));
  }

  public CompletableFuture<Void> updateJob(long jobKey, Integer retries, Long timeout) {
    return processor.submit(new Command.UpdateJob(jobKey, retries, timeout));
  }

  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return processor.submit(new Command.ResolveIncident(incidentKey));
  }

  // --- batch operations
  /**
   * Creates a batch operation over the items {@code items} picks from the state, and answers with
   * its key once it is committed; its items are processed afterwards, one command each.
   */
  public CompletableFuture<Long> createBatchOperation(
      BatchOperation.Type type,
      List<BatchOperation.Move> moves,
      BatchOperation.Actor actor,
      Function<EngineState, List<BatchOperation.ItemRef>> items) {
    return createBatchOperation(type, moves, 0, actor, items);
  }

  /** A migration batch: {@code moves} are its mapping instructions, {@code targetProcessDefinitionKey} where it migrates to. */
  public CompletableFuture<Long> createBatchOperation(
      BatchOperation.Type type,
      List<BatchOperation.Move> moves,
      long targetProcessDefinitionKey,
      BatchOperation.Actor actor,
      Function<EngineState, List<BatchOperation.ItemRef>> items) {
    CompletableFuture<BatchProgress> created =
        processor.submit(new Command.CreateBatchOperation(type, moves, targetProcessDefinitionKey, actor, items));
    batchOperations.follow(created);
    return created.thenApply(BatchProgress::batchOperationKey);
  }

  public CompletableFuture<Void> cancelBatchOperation(long key) {
    return processor.submit(new Command.CancelBatchOperation(key));
  }

  public CompletableFuture<Void> suspendBatchOperation(long key) {
    return processor.submit(new Command.SuspendBatchOperation(key));
  }

  public CompletableFuture<Void> resumeBatchOperation(long key) {
    CompletableFuture<BatchProgress> resumed = processor.submit(new Command.ResumeBatchOperation(key));
    batchOperations.follow(resumed);
    return resumed.thenApply(progress -> null);
  }

  /** Processes whatever fell due on the engine clock; call after moving a pinned clock. */
  public CompletableFuture<Void> tick() {
    return processor.submit(new Command.ProcessDueWork());
  }

  /** Publishes a message; with a time to live it waits for subscriptions that open later. */
  public CompletableFuture<Long> publishMessage(
      String name, String correlationKey, long timeToLive, String messageId, Map<String, Object> variables, String tenantId) {
    return processor.submit(new Command.PublishMessage(name, correlationKey, timeToLive, messageId, variables, tenantId));
  }

  /** Correlates a message now; completes with the message key and the first process instance it reached. */
  public CompletableFuture<long[]> correlateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId) {
    return processor.submit(new Command.CorrelateMessage(name, correlationKey, variables, tenantId));
  }

  public CompletableFuture<Long> broadcastSignal(String signalName, Map<String, Object> variables, String tenantId) {
    return processor.submit(new Command.BroadcastSignal(signalName, variables, tenantId));
  }

  /** Changes users, tenants, groups, roles, members or authorizations; completes with what the change answers. */
  public <T> CompletableFuture<T> changeIdentity(IdentityChange change) {
    return processor.submit(new Command.ChangeIdentity(change));
  }

  /**
   * The identities as of the last batch, which authentication and tenant checks read from network
   * threads without going through the processor: an immutable copy, so never half a command.
   */
  public Identities identities() {
    return processor.identities();
  }

  /** Evaluates root-level conditional start events; completes with the evaluation's key and, per started instance, definition and instance key. */
  public CompletableFuture<ConditionalEvaluation> evaluateConditionals(Long processDefinitionKey, Map<String, Object> variables) {
    return processor.<ConditionalStartCommands.Evaluation>submit(new Command.EvaluateConditionals(processDefinitionKey, variables))
        .thenApply(e -> new ConditionalEvaluation(e.key(), e.started().stream().map(s -> new long[] {s.processDefinitionKey(), s.processInstanceKey()}).toList()));
  }

  /** What a conditional evaluation started: per instance, {processDefinitionKey, processInstanceKey}. */
  public record ConditionalEvaluation(long key, List<long[]> started) {}

  @Override
  public void close() {
    processor.close();
    for (LongPolls.Parked parked : longPolls.all()) {
      parked.reply.complete(List.of());
    }
  }
}
