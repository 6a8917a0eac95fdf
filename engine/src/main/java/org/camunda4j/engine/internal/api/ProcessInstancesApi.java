package org.camunda4j.engine.internal.api;

import static org.camunda4j.engine.internal.api.Outcomes.date;
import static org.camunda4j.engine.internal.api.Outcomes.key;
import static org.camunda4j.engine.internal.api.Outcomes.noContent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda4j.engine.internal.model.ProcessDefinition;
import org.camunda4j.engine.internal.processing.EngineOperations;
import org.camunda4j.engine.internal.processing.EngineOperations.AwaitedInstance;
import org.camunda4j.engine.internal.processing.NewInstance;
import org.camunda4j.engine.internal.rest.ApiException;
import org.camunda4j.engine.internal.rest.ProblemStatus;
import org.camunda4j.engine.internal.rest.Reply;
import org.camunda4j.engine.internal.rest.Request;
import org.camunda4j.engine.internal.rest.Router;
import org.camunda4j.engine.internal.rest.wire.CreateProcessInstanceResult;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceCreationRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceMigrationRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceModificationRequest;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceResult;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceState;
import org.camunda4j.engine.internal.rest.wire.SetVariableRequest;
import org.camunda4j.engine.internal.state.ProcessInstance;

/** {@code /v2/process-instances} (creation, modification, migration, cancellation) and {@code /v2/element-instances/{key}/variables}. */
final class ProcessInstancesApi {

  /** The gateway's default request timeout, used by awaitCompletion when the request gives none. */
  private static final long DEFAULT_AWAIT_MILLIS = 15_000;

  private final EngineOperations engine;
  private final TenantAccess tenants;

  ProcessInstancesApi(EngineOperations engine, TenantAccess tenants) {
    this.engine = engine;
    this.tenants = tenants;
  }

  void register(Router router) {
    router
        .route("POST", "/v2/process-instances", this::create)
        .route("GET", "/v2/process-instances/{processInstanceKey}", this::get)
        .route("POST", "/v2/process-instances/{processInstanceKey}/cancellation", this::cancel)
        .route("POST", "/v2/process-instances/{processInstanceKey}/modification", this::modify)
        .route("POST", "/v2/process-instances/{processInstanceKey}/migration", this::migrate)
        .route("PUT", "/v2/element-instances/{elementInstanceKey}/variables", this::setVariables);
  }

  private CompletionStage<Reply> create(Request request) {
    ProcessInstanceCreationRequest body = request.body(ProcessInstanceCreationRequest.class);
    if (body.runtimeInstructions() != null && !body.runtimeInstructions().isEmpty()) {
      throw ApiException.invalidArgument("runtimeInstructions are not supported by the camunda4j engine yet: remove them");
    }
    NewInstance instance =
        new NewInstance(
            body.variables(), body.tags() == null ? List.of() : new ArrayList<>(body.tags()), body.businessId(),
            body.startInstructions() == null ? List.of() : body.startInstructions().stream().map(s -> s.elementId()).toList(),
            tenants.forCommand(request, body.tenantId()));
    Long definitionKey = body.isById() ? null : Outcomes.parseKey("processDefinitionKey", body.processDefinitionKey());
    if (!Boolean.TRUE.equals(body.awaitCompletion())) {
      var created =
          definitionKey != null
              ? engine.createByKey(definitionKey, instance)
              : engine.createById(body.processDefinitionId(), body.versionOrLatest(), instance);
      return Outcomes.reply(created, c -> Reply.json(result(c.definition(), c.processInstanceKey(), instance, Map.of())));
    }
    long timeout = body.requestTimeout() == null || body.requestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS : body.requestTimeout();
    CompletableFuture<AwaitedInstance> awaited =
        engine
            .createAndAwait(body.processDefinitionId(), body.versionOrLatest(), definitionKey, instance)
            .orTimeout(timeout, TimeUnit.MILLISECONDS);
    List<String> fetch = body.fetchVariables() == null ? List.of() : body.fetchVariables();
    return awaited.handle(
        (done, error) -> {
          if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
              throw new ApiException(
                  ProblemStatus.DEADLINE_EXCEEDED,
                  "Expected to complete process instance within " + timeout + " ms (requestTimeout), but it did not complete in time."
                      + " The instance keeps running; raise requestTimeout or do not await completion for processes with wait states");
            }
            throw Outcomes.asApiException(error);
          }
          return Reply.json(
              result(done.created().definition(), done.created().processInstanceKey(), instance, fetched(done.variables(), fetch)));
        });
  }

  private static Map<String, Object> fetched(Map<String, Object> variables, List<String> names) {
    if (names.isEmpty()) {
      return variables;
    }
    Map<String, Object> fetched = new LinkedHashMap<>();
    for (String name : names) {
      if (variables.containsKey(name)) {
        fetched.put(name, variables.get(name));
      }
    }
    return fetched;
  }

  private static CreateProcessInstanceResult result(
      ProcessDefinition definition, long processInstanceKey, NewInstance instance, Map<String, Object> variables) {
    return new CreateProcessInstanceResult(
        definition.bpmnProcessId(),
        definition.version(),
        definition.tenantId(),
        variables,
        key(definition.key()),
        key(processInstanceKey),
        new LinkedHashSet<>(instance.tags()),
        instance.businessId());
  }

  private CompletionStage<Reply> get(Request request) {
    long key = request.keyParam("processInstanceKey");
    var readable = tenants.readable(request);
    return Outcomes.reply(
        engine.read(state -> state.processInstance(key).filter(p -> readable.test(p.definition().tenantId())).map(ProcessInstancesApi::toWire)),
        found ->
            Reply.json(
                found.orElseThrow(
                    () -> ApiException.notFound("Process instance with key '" + key + "' not found"))));
  }

  static ProcessInstanceResult toWire(ProcessInstance instance) {
    ProcessDefinition definition = instance.definition();
    return new ProcessInstanceResult(
        definition.bpmnProcessId(),
        definition.name(),
        definition.version(),
        definition.versionTag(),
        date(instance.startDate()),
        date(instance.endDate()),
        ProcessInstanceState.valueOf(instance.state()),
        instance.hasIncident(),
        definition.tenantId(),
        key(instance.key()),
        key(definition.key()),
        Outcomes.optionalKey(instance.parentProcessInstanceKey()),
        Outcomes.optionalKey(instance.parentElementInstanceKey()),
        key(instance.rootProcessInstanceKey()),
        new LinkedHashSet<>(instance.tags()),
        instance.businessId());
  }

  private CompletionStage<Reply> modify(Request request) {
    long key = request.keyParam("processInstanceKey");
    ProcessInstanceModificationRequest body = request.body(ProcessInstanceModificationRequest.class);
    return noContent(tenants.owned(request, state -> state.processInstance(key).map(p -> p.definition().tenantId()),
        "Expected to modify process instance with key '" + key + "', but no such process instance was found",
        () -> engine.modify(key, Modifications.of(body))));
  }

  private CompletionStage<Reply> migrate(Request request) {
    long key = request.keyParam("processInstanceKey");
    ProcessInstanceMigrationRequest body = request.body(ProcessInstanceMigrationRequest.class);
    return noContent(tenants.owned(request, state -> state.processInstance(key).map(p -> p.definition().tenantId()),
        "Expected to migrate process instance with key '" + key + "', but no such process instance was found",
        () -> engine.migrate(key, Migrations.of(body))));
  }

  private CompletionStage<Reply> cancel(Request request) {
    long key = request.keyParam("processInstanceKey");
    return noContent(tenants.owned(request, state -> state.processInstance(key).map(p -> p.definition().tenantId()),
        "Expected to cancel a process instance with key '" + key + "', but no such process was found", () -> engine.cancel(key)));
  }

  private CompletionStage<Reply> setVariables(Request request) {
    long key = request.keyParam("elementInstanceKey");
    SetVariableRequest body = request.body(SetVariableRequest.class);
    return noContent(tenants.owned(request, state -> state.elementInstance(key).map(e -> e.process().tenantId()),
        "Expected to update variables for element with key '" + key + "', but no such element was found",
        () -> engine.setVariables(key, body.variables(), body.localOrFalse())));
  }
}
